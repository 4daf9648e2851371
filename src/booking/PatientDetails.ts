import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { DateWords } from '../knowledge/types';
import { foldAndSplit } from '../understanding/TextNormalizer';
import type { Clock } from '../util/Clock';
import type { CalendarDate } from './DateExpressionParser';

/** Why a detail was refused; the dialog turns it into a specific re-prompt. */
export type DetailProblem = 'empty' | 'format' | 'nonexistent' | 'future' | 'implausible' | 'country' | 'incomplete';

/** Outcome of checking one detail. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: DetailProblem };

/**
 * A full name: two or more letters, nothing that looks like a number or an address, and at
 * least two parts, since the practice books and calls by first name (or initial) and surname:
 * "J. Jansen" is enough, "Jan" alone is asked again.
 */
export function checkName(text: string): Checked<string> {
  const name = text.trim().replace(/\s+/g, ' ');
  if (!name) return { ok: false, problem: 'empty' };
  if (name.length < 2 || name.length > 100 || /\d|[<>@{}[\]]/.test(name) || !/\p{L}{2,}/u.test(name)) return { ok: false, problem: 'format' };
  if (name.split(' ').filter((part) => /\p{L}/u.test(part)).length < 2) return { ok: false, problem: 'incomplete' };
  return { ok: true, value: name };
}

/**
 * A date of birth as patients type it: 14-03-1961, 14/3/1961, 14.03.1961, 14 3 1961, 1961-03-14,
 * 14 maart 1961, and with a two-digit year (12 mei 81, 12-5-81: the most recent such year that
 * is not in the future). Refuses dates in the future and ages outside 0–120.
 */
export function checkBirthDate(text: string, words: DateWords, clock: Clock): Checked<string> {
  const raw = text.trim().toLowerCase().replace(/['’]/g, '');
  if (!raw) return { ok: false, problem: 'empty' };
  const thisYear = clock.now().getUTCFullYear();
  const fullYear = (y: string): number => (y.length === 4 ? +y : 2000 + +y > thisYear ? 1900 + +y : 2000 + +y);
  let d: CalendarDate | undefined;
  const dmy = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4}|\d{2})$/.exec(raw);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  if (dmy) d = { day: +dmy[1], month: +dmy[2], year: fullYear(dmy[3]) };
  else if (ymd) d = { year: +ymd[1], month: +ymd[2], day: +ymd[3] };
  else {
    const t = foldAndSplit(raw).filter((x) => x !== 'de' && x !== 'van');
    if (t.length === 3 && /^\d{1,2}(e|de|ste)?$/.test(t[0]) && words.months[t[1]] && /^(\d{4}|\d{2})$/.test(t[2])) {
      d = { day: parseInt(t[0], 10), month: words.months[t[1]], year: fullYear(t[2]) };
    }
  }
  if (!d) return { ok: false, problem: 'format' };
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day));
  // Written the right way, but no such day ("31-02-1950"): saying so helps more than the format again.
  if (d.month < 1 || d.month > 12 || date.getUTCDate() !== d.day) return { ok: false, problem: 'nonexistent' };
  const now = clock.now();
  if (date > now) return { ok: false, problem: 'future' };
  const age = (now.getTime() - date.getTime()) / (365.25 * 86400000);
  // Today or a few months ago is a slip of the keyboard (the year), not a patient with artrose.
  if (age > 120 || age < 1) return { ok: false, problem: 'implausible' };
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/** A Dutch or Belgian phone number, returned in international format (+31…, +32…). */
export function checkPhone(text: string, country: 'NL' | 'BE'): Checked<string> {
  const raw = text.trim();
  if (!raw) return { ok: false, problem: 'empty' };
  const parsed = parsePhoneNumberFromString(raw, country as CountryCode);
  // Short service numbers ("12345") pass isValid(); a patient's own number has 8+ digits.
  if (!parsed || !parsed.isValid() || parsed.nationalNumber.length < 8) return { ok: false, problem: 'format' };
  if (parsed.country !== 'NL' && parsed.country !== 'BE') return { ok: false, problem: 'country' };
  return { ok: true, value: parsed.number };
}

/**
 * A stored number as staff dial it: in the national format of the practice's country
 * (06 12345678, 0470 12 34 56), international (+32 470 12 34 56) when it is another country's.
 */
export function phoneForStaff(phone: string, practiceCountry: 'NL' | 'BE'): string {
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed) return phone;
  return parsed.country === practiceCountry ? parsed.formatNational() : parsed.formatInternational();
}

/** An e-mail address (a practical check, not RFC 5322). */
export function checkEmail(text: string): Checked<string> {
  const raw = text.trim();
  if (!raw) return { ok: false, problem: 'empty' };
  if (raw.length > 254 || !/^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i.test(raw)) return { ok: false, problem: 'format' };
  return { ok: true, value: raw.toLowerCase() };
}
