import { createHash } from 'node:crypto';
import pino from 'pino';

/** The structured logger used everywhere; pino's, narrowed so the core does not depend on pino. */
export interface Logger {
  fatal(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  trace(obj: object, msg?: string): void;
  child(bindings: object): Logger;
  /** Whether a line at this level would be written; to skip work for lines nobody reads. */
  isLevelEnabled(level: string): boolean;
}

/**
 * Field names that could carry what a patient typed or who they are. Code never logs these on
 * purpose; the redaction is the second line of defence when an error object carries them.
 */
const REDACTED_KEYS = [
  'text', 'name', 'phone', 'email', 'dateOfBirth', 'birthDate', 'from', 'recipient', 'body',
  'value', 'attachments', 'speak', 'summary', 'password', 'authorization', 'cookie',
];

/**
 * Builds the JSON logger. Message text, names, phone numbers, e-mail addresses and dates of
 * birth must never be logged; log ids through {@link pseudonym} and counts, not content.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'fysio-assistent' },
    redact: { paths, censor: '[redacted]' },
    serializers: { err: safeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Short stable pseudonym for an id that may itself be personal (a WhatsApp number is). */
export function pseudonym(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
}

/**
 * Errors are logged by type, message and stack only: a message can still embed user input
 * (e.g. a parse error quoting it), so messages are cut and stripped of digits runs and e-mails.
 */
export function safeError(err: unknown): object {
  if (!(err instanceof Error)) return { type: typeof err };
  return {
    type: err.name,
    message: scrub(err.message).slice(0, 200),
    stack: err.stack?.split('\n').slice(1, 8).map((l) => l.trim()).join(' | '),
  };
}

/** Removes e-mail addresses, phone-like digit runs and quoted text from a free-form string. */
export function scrub(s: string): string {
  return s
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[email]')
    .replace(/\+?\d[\d\s-]{5,}\d/g, '[digits]')
    .replace(/(["'`]).{1,200}?\1/g, '[quoted]');
}
