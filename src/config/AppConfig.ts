import { z } from 'zod';
import { ConfigError } from './ConfigError';
import { isLoopbackHost } from '../util/loopback';

export const SUPPORTED_LOCALES = ['nl-NL', 'nl-BE'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), 'expected true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z
  .string()
  .trim()
  .regex(/^\d+$/, 'expected a whole number from 0 to 65535')
  .transform(Number)
  .refine((n) => n >= 0 && n <= 65535, 'expected a whole number from 0 to 65535');

const positiveInt = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `expected ${what}`)
    .transform(Number)
    .refine((n) => n > 0, `expected ${what}`);

const fraction = z
  .string()
  .trim()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'expected a number from 0 to 1')
  .transform(Number);

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `expected a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`);

/** `afspraken@praktijk.nl` or `Praktijk De Beweegreden <afspraken@praktijk.nl>`. */
const mailbox = z
  .string()
  .trim()
  .regex(
    /^(?:[^<>\r\n@]+<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/,
    'expected an e-mail address, e.g. afspraken@praktijk.nl or "Praktijk <afspraken@praktijk.nl>"',
  );

const csv = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const envSchema = z.object({
  PORT: port.default(3978),
  HOST: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LOCALE: z.enum(SUPPORTED_LOCALES).optional(),
  KNOWLEDGE_DIR: z.string().trim().min(1).default('knowledge'),
  PRACTICE_FILE: z.string().trim().regex(/\.ya?ml$/, 'expected a .yaml file inside KNOWLEDGE_DIR').default('practice.yaml'),
  LOCALES_DIR: z.string().trim().min(1).default('locales'),
  DATA_DIR: z.string().trim().min(1).default('data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: positiveInt('a number of connections, e.g. 10').refine((n) => n <= 500, 'expected at most 500 connections').default(10),
  DATABASE_LOCK_POOL_SIZE: positiveInt('a number of connections, e.g. 20').refine((n) => n <= 500, 'expected at most 500 connections').default(20),
  TURN_LOCK_WAIT_SECONDS: positiveInt('a number of seconds, e.g. 10').refine((n) => n <= 120, 'expected at most 120 seconds').default(10),
  MicrosoftAppId: z.string().trim().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().trim().optional(),
  ALLOW_ANONYMOUS: bool.default(false),
  NODE_ENV: z.string().trim().optional(),
  ALLOW_UNREVIEWED_CONTENT: bool.default(false),
  SERVICE_URL_ALLOWLIST: csv.optional(),
  MAX_BODY_BYTES: positiveInt('a size in bytes, e.g. 262144').default(262144),
  MAX_MESSAGE_CHARS: positiveInt('a number of characters, e.g. 2000').default(2000),
  RETENTION_CONVERSATION_DAYS: positiveInt('a number of days, e.g. 30').default(30),
  RETENTION_BOOKING_DAYS: positiveInt('a number of days, e.g. 365').default(365),
  RETENTION_UNANSWERED_DAYS: positiveInt('a number of days, e.g. 30').default(30),
  RETENTION_RECENT_LINES_HOURS: positiveInt('a number of hours, e.g. 2').default(2),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8, 'expected at least 8 characters').optional(),
  WHATSAPP_APP_SECRET: z.string().min(8, 'expected at least 8 characters').optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(8, 'expected at least 8 characters').optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().trim().regex(/^\d+$/, 'expected the numeric phone number id from Meta').optional(),
  WHATSAPP_GRAPH_URL: url(['https:', 'http:']).default('https://graph.facebook.com/v21.0'),
  DIRECT_LINE_SECRET: z.string().min(8, 'expected at least 8 characters').optional(),
  DIRECT_LINE_TOKEN_TTL_SECONDS: positiveInt('a number of seconds, e.g. 1800').default(1800),
  DIRECT_LINE_TOKEN_KEY: z.string().min(32, 'expected at least 32 random characters').optional(),
  WEBSITE_ORIGINS: csv.optional(),
  FRAME_ANCESTORS: z.string().trim().optional(),
  RATE_LIMIT_PER_MINUTE: positiveInt('a number of requests per minute, e.g. 60').default(60),
  TRUSTED_PROXY_HOPS: z.string().trim().regex(/^\d$/, 'expected 0–9 (reverse proxies in front of the bot)').transform(Number).default(0),
  CONSOLE_USERS: z.string().trim().optional(),
  CONSOLE_SESSION_HOURS: positiveInt('a number of hours, e.g. 8').default(8),
  HANDOFF_TIMEOUT_MINUTES: positiveInt('a number of minutes, e.g. 10').default(10),
  PUBLIC_URL: url(['https:', 'http:']).optional(),
  BOT_OPENID_METADATA: url(['https:', 'http:']).optional(),
  STAFF_TEAMS_SERVICE_URL: url(['https:', 'http:']).optional(),
  STAFF_TEAMS_CONVERSATION_ID: z.string().trim().min(1).optional(),
  CALDAV_URL: url(['https:', 'http:'])
    .refine((v) => { try { const u = new URL(v); return !u.username && !u.password; } catch { return true; } }, 'expected a URL without a user name or password (use CALDAV_USERNAME and CALDAV_PASSWORD)')
    .optional(),
  CALDAV_USERNAME: z.string().trim().min(1).optional(),
  CALDAV_PASSWORD: z.string().min(1).optional(),
  CALDAV_OAUTH_CLIENT_ID: z.string().trim().min(1).optional(),
  CALDAV_OAUTH_CLIENT_SECRET: z.string().min(1).optional(),
  CALDAV_OAUTH_REFRESH_TOKEN: z.string().min(1).optional(),
  CALDAV_OAUTH_TOKEN_URL: url(['https:', 'http:']).default('https://oauth2.googleapis.com/token'),
  CALDAV_TIMEOUT_SECONDS: positiveInt('a number of seconds, e.g. 8').refine((n) => n <= 120, 'expected at most 120 seconds').default(8),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  SMTP_HOST: z.string().trim().regex(/^[A-Za-z0-9.-]+$|^[0-9A-Fa-f:]+$/, 'expected a host name or IP address, e.g. smtp.praktijk.nl').optional(),
  SMTP_PORT: port.refine((n) => n > 0, 'expected a port from 1 to 65535, e.g. 587').optional(),
  SMTP_USER: z.string().trim().min(1).optional(),
  SMTP_PASS: z.string().min(1).optional(),
  SMTP_FROM: mailbox.optional(),
  ROUTER_ANSWER_MIN: fraction.default(0.58),
  ROUTER_CLARIFY_MIN: fraction.default(0.23),
  ROUTER_MARGIN: fraction.default(0.15),
});

/** Every environment variable the service reads (documented in .env.example). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** The service's configuration, parsed once at start-up. */
export interface AppConfig {
  port: number;
  /** Interface to listen on; loopback unless credentials or ALLOW_ANONYMOUS say otherwise. */
  host: string;
  logLevel: string;
  defaultLocale?: Locale;
  knowledgeDir: string;
  /** The practice file, relative to knowledgeDir. */
  practiceFile: string;
  localesDir: string;
  dataDir: string;
  databaseUrl?: string;
  /**
   * PostgreSQL connections per instance: `poolSize` for queries, `lockPoolSize` for the turns'
   * conversation locks (one each while a turn runs or waits); and how long a turn waits for its
   * conversation's lock (both backends) before the patient is asked to send it again.
   */
  database: { poolSize: number; lockPoolSize: number; lockWaitMs: number };
  auth: {
    appId?: string;
    appPassword?: string;
    appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
    /** True when no Bot Framework credentials are configured. */
    anonymous: boolean;
    /** Override of the Bot Framework OpenID metadata URL (sovereign clouds, tests). */
    openIdMetadata?: string;
  };
  allowAnonymous: boolean;
  /** NODE_ENV=production: content a clinician never reviewed stops start-up (see {@link allowUnreviewedContent}). */
  production: boolean;
  /** ALLOW_UNREVIEWED_CONTENT=true: a production start with unreviewed content goes on (with a warning). */
  allowUnreviewedContent: boolean;
  /** serviceUrls an anonymous bot may reply to; loopback always allowed. */
  serviceUrlAllowlist: string[];
  maxBodyBytes: number;
  maxMessageChars: number;
  /**
   * Days kept: conversation state, handoff tickets (with callback numbers) and opt-in
   * transcripts after their last change; bookings after the appointment; the (stripped) text of
   * unanswered questions and answer feedback after they were asked. Hours kept: the last lines of
   * a conversation (for a handoff's transcript) after its last line, unless a person holds it.
   */
  retention: { conversationDays: number; bookingDays: number; unansweredDays: number; recentLinesHours: number };
  router: { answerMin: number; clarifyMin: number; margin: number };
  /** WhatsApp Business Cloud API; enabled when all four credentials are set. */
  whatsapp?: { verifyToken: string; appSecret: string; accessToken: string; phoneNumberId: string; graphUrl: string };
  /** Website chat: our own Direct Line, or Azure's when a secret is set. */
  /** `tokenKey` signs the bot's own web chat tokens; kept in DATA_DIR (SQLite) or the database (PostgreSQL) when unset. */
  directLine: { secret?: string; tokenTtlSeconds: number; tokenKey?: string };
  /** Origins of the practice's website(s), for CORS and embedding. */
  websiteOrigins: string[];
  /** CSP frame-ancestors value for the chat page ('self' when unset). */
  frameAncestors: string;
  /** Requests per minute per conversation (and a flood guard per IP) on public endpoints. */
  rateLimitPerMinute: number;
  /** Reverse proxies in front of the bot that append to X-Forwarded-For (0: use the socket). */
  trustedProxyHops: number;
  /** Receptionist console: `name:scrypt-hash` entries separated by commas. */
  consoleUsers: string;
  consoleSessionHours: number;
  /** Minutes a handoff ticket may wait before the callback is offered. */
  handoffTimeoutMinutes: number;
  /** The bot's public base URL, for links (console in Teams cards). */
  publicUrl?: string;
  /** A Teams conversation (channel or group chat of the staff) told about new tickets. */
  staffTeams?: { serviceUrl: string; conversationId: string };
  /** The CalDAV server of the therapists' calendars (practice.yaml says which calendar is whose). */
  caldav: CalDavConfig;
  /** Outgoing mail (booking confirmations); none without SMTP_URL or SMTP_HOST. */
  smtp?: SmtpConfig;
}

/** The SMTP server that sends booking confirmations; credentials only from the environment. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (smtps:, port 465); otherwise STARTTLS. */
  secure: boolean;
  auth?: { user: string; pass: string };
  /** The sender, e.g. `Praktijk De Beweegreden <afspraken@praktijk.nl>`. */
  from: string;
}

/** How to reach the CalDAV server; credentials only from the environment. */
export interface CalDavConfig {
  /** Base URL that calendar paths in practice.yaml are resolved against. */
  url?: string;
  auth:
    | { kind: 'none' }
    | { kind: 'basic'; username: string; password: string }
    | { kind: 'oauth'; clientId: string; clientSecret: string; refreshToken: string; tokenUrl: string; username?: string };
  /** A request that takes longer counts as "server unreachable". */
  timeoutMs: number;
}

/**
 * Parses and validates the environment. Throws a {@link ConfigError} whose lines each name the
 * variable and what is expected, so start-up can refuse bad values before anything runs.
 */
export function parseConfig(env: NodeJS.ProcessEnv): AppConfig {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        const shown = cleaned[name] !== undefined && !/PASSWORD|SECRET|TOKEN|DATABASE_URL|CONSOLE_USERS|CALDAV_URL|SMTP_URL|SMTP_PASS/.test(name)
          ? ` (got "${cleaned[name]}")`
          : '';
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  const anonymous = !e.MicrosoftAppId;
  const problems: string[] = [];
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  if (e.RETENTION_RECENT_LINES_HOURS > e.RETENTION_CONVERSATION_DAYS * 24) {
    problems.push(`RETENTION_RECENT_LINES_HOURS: must not be above RETENTION_CONVERSATION_DAYS in hours (${e.RETENTION_CONVERSATION_DAYS * 24})`);
  }
  if (e.ROUTER_CLARIFY_MIN > e.ROUTER_ANSWER_MIN) {
    problems.push('ROUTER_CLARIFY_MIN: must not be above ROUTER_ANSWER_MIN');
  }
  const host = e.HOST ?? (anonymous ? '127.0.0.1' : '0.0.0.0');
  if (anonymous && !isLoopback(host) && !e.ALLOW_ANONYMOUS) {
    problems.push(
      `HOST: an anonymous bot (no MicrosoftAppId) listens on loopback only; set ALLOW_ANONYMOUS=true to listen on ${host}`,
    );
  }
  const wa = [e.WHATSAPP_VERIFY_TOKEN, e.WHATSAPP_APP_SECRET, e.WHATSAPP_ACCESS_TOKEN, e.WHATSAPP_PHONE_NUMBER_ID];
  if (wa.some(Boolean) && !wa.every(Boolean)) {
    problems.push('WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID: set all four to enable WhatsApp, or none');
  }
  if (Boolean(e.STAFF_TEAMS_SERVICE_URL) !== Boolean(e.STAFF_TEAMS_CONVERSATION_ID)) {
    problems.push('STAFF_TEAMS_SERVICE_URL, STAFF_TEAMS_CONVERSATION_ID: set both to tell staff in Teams about new tickets, or neither');
  }
  if (Boolean(e.CALDAV_USERNAME) !== Boolean(e.CALDAV_PASSWORD) && !e.CALDAV_OAUTH_CLIENT_ID) {
    problems.push('CALDAV_USERNAME, CALDAV_PASSWORD: set both for the CalDAV server, or neither');
  }
  const oauth = [e.CALDAV_OAUTH_CLIENT_ID, e.CALDAV_OAUTH_CLIENT_SECRET, e.CALDAV_OAUTH_REFRESH_TOKEN];
  if (oauth.some(Boolean) && !oauth.every(Boolean)) {
    problems.push('CALDAV_OAUTH_CLIENT_ID, CALDAV_OAUTH_CLIENT_SECRET, CALDAV_OAUTH_REFRESH_TOKEN: set all three for OAuth (Google), or none');
  }
  if (oauth.every(Boolean) && e.CALDAV_PASSWORD) {
    problems.push('CALDAV_PASSWORD: not used with CALDAV_OAUTH_*; set one way to sign in');
  }
  const smtp = smtpConfig(e, problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    knowledgeDir: e.KNOWLEDGE_DIR,
    practiceFile: e.PRACTICE_FILE,
    localesDir: e.LOCALES_DIR,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    database: { poolSize: e.DATABASE_POOL_SIZE, lockPoolSize: e.DATABASE_LOCK_POOL_SIZE, lockWaitMs: e.TURN_LOCK_WAIT_SECONDS * 1000 },
    auth: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      anonymous,
      openIdMetadata: e.BOT_OPENID_METADATA,
    },
    allowAnonymous: e.ALLOW_ANONYMOUS,
    production: e.NODE_ENV === 'production',
    allowUnreviewedContent: e.ALLOW_UNREVIEWED_CONTENT,
    serviceUrlAllowlist: e.SERVICE_URL_ALLOWLIST ?? [],
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxMessageChars: e.MAX_MESSAGE_CHARS,
    retention: {
      conversationDays: e.RETENTION_CONVERSATION_DAYS, bookingDays: e.RETENTION_BOOKING_DAYS, unansweredDays: e.RETENTION_UNANSWERED_DAYS,
      recentLinesHours: e.RETENTION_RECENT_LINES_HOURS,
    },
    router: { answerMin: e.ROUTER_ANSWER_MIN, clarifyMin: e.ROUTER_CLARIFY_MIN, margin: e.ROUTER_MARGIN },
    whatsapp: wa.every(Boolean)
      ? {
          verifyToken: e.WHATSAPP_VERIFY_TOKEN!, appSecret: e.WHATSAPP_APP_SECRET!, accessToken: e.WHATSAPP_ACCESS_TOKEN!,
          phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID!, graphUrl: e.WHATSAPP_GRAPH_URL.replace(/\/$/, ''),
        }
      : undefined,
    directLine: { secret: e.DIRECT_LINE_SECRET, tokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS, tokenKey: e.DIRECT_LINE_TOKEN_KEY },
    websiteOrigins: e.WEBSITE_ORIGINS ?? [],
    frameAncestors: e.FRAME_ANCESTORS ?? "'self'",
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    consoleUsers: e.CONSOLE_USERS ?? '',
    consoleSessionHours: e.CONSOLE_SESSION_HOURS,
    handoffTimeoutMinutes: e.HANDOFF_TIMEOUT_MINUTES,
    publicUrl: e.PUBLIC_URL,
    staffTeams: e.STAFF_TEAMS_SERVICE_URL && e.STAFF_TEAMS_CONVERSATION_ID
      ? { serviceUrl: e.STAFF_TEAMS_SERVICE_URL, conversationId: e.STAFF_TEAMS_CONVERSATION_ID }
      : undefined,
    caldav: {
      url: e.CALDAV_URL,
      auth: oauth.every(Boolean)
        ? {
            kind: 'oauth', clientId: e.CALDAV_OAUTH_CLIENT_ID!, clientSecret: e.CALDAV_OAUTH_CLIENT_SECRET!,
            refreshToken: e.CALDAV_OAUTH_REFRESH_TOKEN!, tokenUrl: e.CALDAV_OAUTH_TOKEN_URL, username: e.CALDAV_USERNAME,
          }
        : e.CALDAV_USERNAME && e.CALDAV_PASSWORD
          ? { kind: 'basic', username: e.CALDAV_USERNAME, password: e.CALDAV_PASSWORD }
          : { kind: 'none' },
      timeoutMs: e.CALDAV_TIMEOUT_SECONDS * 1000,
    },
    smtp,
  };
}

type ParsedEnv = z.infer<typeof envSchema>;

/** SMTP_URL, or SMTP_HOST with its port and login, plus SMTP_FROM; problems are added to `problems`. */
function smtpConfig(e: ParsedEnv, problems: string[]): SmtpConfig | undefined {
  if (e.SMTP_URL && e.SMTP_HOST) {
    problems.push('SMTP_URL, SMTP_HOST: set one of them, not both');
    return undefined;
  }
  if (!e.SMTP_URL && !e.SMTP_HOST) {
    const stray = (['SMTP_PORT', 'SMTP_USER', 'SMTP_PASS', 'SMTP_FROM'] as const).filter((k) => e[k] !== undefined);
    if (stray.length) problems.push(`${stray.join(', ')}: set SMTP_URL or SMTP_HOST too, or leave these out (no e-mail is sent)`);
    return undefined;
  }
  if (!e.SMTP_FROM) {
    problems.push('SMTP_FROM: required with SMTP_URL or SMTP_HOST (the sender, e.g. "Praktijk <afspraken@praktijk.nl>")');
    return undefined;
  }
  if (e.SMTP_URL) {
    if (e.SMTP_PORT || e.SMTP_USER || e.SMTP_PASS) {
      problems.push('SMTP_PORT, SMTP_USER, SMTP_PASS: not used with SMTP_URL (put them in the URL), or use SMTP_HOST instead');
      return undefined;
    }
    const u = new URL(e.SMTP_URL);
    const secure = u.protocol === 'smtps:';
    if (!u.hostname) {
      problems.push('SMTP_URL: expected a host, e.g. smtp://user:password@smtp.praktijk.nl:587');
      return undefined;
    }
    const decode = (part: string) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return undefined;
      }
    };
    const user = decode(u.username);
    const pass = decode(u.password);
    if (user === undefined || pass === undefined) {
      problems.push('SMTP_URL: the user name or password has a broken %-escape (write %25 for a literal %)');
      return undefined;
    }
    if (Boolean(user) !== Boolean(pass)) {
      problems.push('SMTP_URL: give both a user name and a password, or neither');
      return undefined;
    }
    return {
      host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : secure ? 465 : 587, secure,
      auth: user ? { user, pass } : undefined, from: e.SMTP_FROM,
    };
  }
  if (Boolean(e.SMTP_USER) !== Boolean(e.SMTP_PASS)) {
    problems.push('SMTP_USER, SMTP_PASS: set both to sign in to the SMTP server, or neither');
    return undefined;
  }
  const port = e.SMTP_PORT ?? 587;
  return {
    host: e.SMTP_HOST!, port, secure: port === 465,
    auth: e.SMTP_USER && e.SMTP_PASS ? { user: e.SMTP_USER, pass: e.SMTP_PASS } : undefined, from: e.SMTP_FROM,
  };
}

/** True for 127.0.0.0/8, ::1 and localhost (literal addresses only; nothing is resolved). */
export function isLoopback(host: string): boolean {
  return isLoopbackHost(host);
}
