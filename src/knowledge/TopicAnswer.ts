import type { Country, PracticeField, TopicLocale } from './schemas';
import { PRACTICE_FIELDS } from './schemas';
import type { Practice } from './types';

/** The text of one answer as the patient gets it: the answer and its optional "meer weten?" part. */
export interface AnswerText {
  answer: string;
  more?: string;
}

/** A practice fact's configured value, or undefined when the practice left it out. */
export function practiceValue(practice: Practice, field: PracticeField): string | number | boolean | undefined {
  let value: unknown = practice;
  for (const part of field.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/**
 * Picks the text of a topic for a practice: the first practice-dependent case whose conditions
 * hold, else the text for the practice's country, else the topic's answer. The country is the
 * PRACTICE's: a Dutch-speaking patient at a Flemish practice gets the Belgian facts.
 */
export function selectAnswer(content: TopicLocale, practice: Practice): AnswerText {
  for (const c of content.cases ?? []) {
    if (caseHolds(c.when, practice)) return { answer: c.answer, more: c.more };
  }
  if (content.byCountry) return content.byCountry[practice.country];
  return { answer: content.answer ?? '', more: content.more };
}

function caseHolds(when: Partial<Record<PracticeField, string>> & { country?: Country }, practice: Practice): boolean {
  for (const [key, condition] of Object.entries(when)) {
    if (condition === undefined) continue;
    if (key === 'country') {
      if (practice.country !== condition) return false;
      continue;
    }
    const value = practiceValue(practice, key as PracticeField);
    const holds =
      condition === 'set' ? value !== undefined
      : condition === 'unset' ? value === undefined
      : condition === 'true' ? value === true
      : value === false;
    if (!holds) return false;
  }
  return true;
}

/** Every text a locale of a topic can show (for checks and for the router's vocabulary). */
export function allAnswerTexts(content: TopicLocale): { where: string; text: string; when?: Record<string, string | undefined> }[] {
  const out: { where: string; text: string; when?: Record<string, string | undefined> }[] = [];
  if (content.answer) out.push({ where: 'answer', text: content.answer });
  if (content.more) out.push({ where: 'more', text: content.more });
  for (const country of ['NL', 'BE'] as const) {
    const part = content.byCountry?.[country];
    if (!part) continue;
    out.push({ where: `byCountry.${country}.answer`, text: part.answer });
    if (part.more) out.push({ where: `byCountry.${country}.more`, text: part.more });
  }
  (content.cases ?? []).forEach((c, i) => {
    out.push({ where: `cases.${i}.answer`, text: c.answer, when: c.when });
    if (c.more) out.push({ where: `cases.${i}.more`, text: c.more, when: c.when });
  });
  return out;
}

/** Whether a placeholder names a practice fact. */
export function isPracticeField(name: string): name is PracticeField {
  return Object.hasOwn(PRACTICE_FIELDS, name);
}
