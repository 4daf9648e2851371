import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { ConfigError } from '../config/ConfigError';
import { SUPPORTED_LOCALES, type Locale } from '../config/AppConfig';

/** Everything the bot says, by key, in the conversation's locale. */
export interface Translator {
  t(locale: Locale, key: string, vars?: Record<string, unknown>): string;
  /** A list of sentences stored as an array in the locale file. */
  list(locale: Locale, key: string): string[];
}

/** Flattens nested locale JSON into dotted keys, for comparing the two locales. */
export function flattenKeys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * i18next over `locales/<locale>/*.json`. Refuses to start when a locale file is missing, is
 * not JSON, or lacks a key the other locale has: a missing sentence would otherwise surface to a
 * patient as a raw key. `defaults` are variables every sentence may use (the practice's name
 * and phone number): sentences that need no others are then looked up once and cached.
 */
export class I18nextTranslator implements Translator {
  private readonly instance: i18n;
  /**
   * Sentences without variables, per locale and key. The resources never change while the
   * process runs, and i18next's lookup and interpolation were 4 % of a turn.
   */
  private readonly plain = new Map<string, string>();

  constructor(localesDir: string, defaults: Record<string, string> = {}) {
    const resources: Record<string, { translation: Record<string, unknown> }> = {};
    const problems: string[] = [];
    for (const locale of SUPPORTED_LOCALES) {
      const dir = join(localesDir, locale);
      if (!existsSync(dir)) {
        problems.push(`${dir}: locale folder is missing`);
        continue;
      }
      const translation: Record<string, unknown> = {};
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        try {
          Object.assign(translation, JSON.parse(readFileSync(join(dir, file), 'utf8')));
        } catch (err) {
          problems.push(`${join(dir, file)}: not valid JSON (${(err as Error).message})`);
        }
      }
      resources[locale] = { translation };
    }
    if (!problems.length) {
      const [a, b] = SUPPORTED_LOCALES.map((l) => new Set(flattenKeys(resources[l].translation)));
      for (const k of a) if (!b.has(k)) problems.push(`${localesDir}/nl-BE: key "${k}" is missing (present in nl-NL)`);
      for (const k of b) if (!a.has(k)) problems.push(`${localesDir}/nl-NL: key "${k}" is missing (present in nl-BE)`);
    }
    if (problems.length) throw new ConfigError(problems);
    this.instance = i18next.createInstance();
    void this.instance.init({
      resources,
      lng: 'nl-NL',
      fallbackLng: false,
      supportedLngs: [...SUPPORTED_LOCALES],
      load: 'currentOnly',
      initImmediate: false,
      returnNull: false,
      returnObjects: true,
      interpolation: { escapeValue: false, defaultVariables: defaults },
    } as Parameters<i18n['init']>[0]);
  }

  t(locale: Locale, key: string, vars?: Record<string, unknown>): string {
    const id = vars ? undefined : `${locale}\u0000${key}`;
    const known = id === undefined ? undefined : this.plain.get(id);
    if (known !== undefined) return known;
    const value = this.instance.t(key, { lng: locale, ...vars, returnObjects: false }) as unknown;
    const text = typeof value === 'string' ? value : key;
    if (id !== undefined) this.plain.set(id, text);
    return text;
  }

  list(locale: Locale, key: string): string[] {
    const value = this.instance.t(key, { lng: locale, returnObjects: true }) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  }
}

/**
 * The conversation's locale from the channel's hint: `nl-BE` (any case, `_` or `-`) is Flemish,
 * `nl` / `nl-NL` is Dutch; anything else falls back to the practice's default.
 */
export function resolveLocale(hint: string | undefined, fallback: Locale): Locale {
  const h = (hint ?? '').toLowerCase().replace('_', '-');
  if (h.startsWith('nl-be') || h === 'be' || h === 'vls') return 'nl-BE';
  if (h === 'nl' || h.startsWith('nl-')) return 'nl-NL';
  return fallback;
}
