import type { Locale } from '../config/AppConfig';
import type { Translator } from '../i18n/Translator';
import { WEEKDAYS, type Practice } from '../knowledge';

/** Opening hours as one line: "ma 08:00–18:00, di 08:00–18:00, za gesloten". */
export function formatOpeningHours(hours: Practice['locations'][number]['openingHours'], locale: Locale, t: Translator): string {
  return WEEKDAYS.filter((d) => hours[d].length)
    .map((d) => `${t.t(locale, `practice.days.${d}`)} ${hours[d].map(([a, b]) => `${a}–${b}`).join(', ')}`)
    .join('; ');
}

/** The practice's addresses, phone numbers and opening hours, rendered from practice.yaml. */
export function renderPracticeInfo(practice: Practice, locale: Locale, t: Translator): string {
  const lines: string[] = [];
  for (const loc of practice.locations) {
    lines.push(t.t(locale, 'practice.location', { ...loc }));
    if (loc.parking) lines.push(t.t(locale, 'practice.parking', { parking: loc.parking }));
    lines.push(t.t(locale, 'practice.hours', { hours: formatOpeningHours(loc.openingHours, locale, t) }));
  }
  lines.push(t.t(locale, 'practice.contact', { phone: practice.phone }));
  if (practice.email) lines.push(t.t(locale, 'practice.email', { email: practice.email }));
  return lines.join('\n');
}
