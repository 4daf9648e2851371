import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../src/config';

/** The word list the synthetic knowledge bases are built from (`bench/dutch-words.json`). */
export interface DutchWordList {
  bodyParts: string[];
  conditions: string[];
  people: string[];
  timeWords: string[];
  nouns: string[];
  compoundHeads: string[];
  compoundTails: string[];
  verbs: string[];
  adjectives: string[];
  titles: Record<Locale, string[]>;
  labels: Record<Locale, string[]>;
  phrasings: Record<Locale, string[]>;
  answers: Record<Locale, string>;
}

const LISTS = ['bodyParts', 'conditions', 'people', 'timeWords', 'nouns', 'compoundHeads', 'compoundTails', 'verbs', 'adjectives'] as const;
const PER_LOCALE = ['titles', 'labels', 'phrasings'] as const;

/**
 * Reads and checks the word list, failing with the name of the field that is wrong, so that an
 * edit to the JSON cannot silently produce an empty or lopsided synthetic knowledge base.
 */
export function loadDutchWordList(file = join(__dirname, '..', 'dutch-words.json')): DutchWordList {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!raw || typeof raw !== 'object') throw new Error(`${file}: expected an object`);
  const data = raw as Record<string, unknown>;
  const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim() !== '');
  for (const key of LISTS) if (!isStrings(data[key])) throw new Error(`${file}: ${key}: expected a non-empty list of words`);
  for (const key of PER_LOCALE) {
    const v = data[key] as Record<string, unknown> | undefined;
    for (const locale of ['nl-NL', 'nl-BE']) {
      if (!v || !isStrings(v[locale])) throw new Error(`${file}: ${key}.${locale}: expected a non-empty list of templates`);
    }
  }
  const answers = data.answers as Record<string, unknown> | undefined;
  if (!answers || typeof answers['nl-NL'] !== 'string' || typeof answers['nl-BE'] !== 'string') {
    throw new Error(`${file}: answers: expected a template per locale`);
  }
  const phrasings = data.phrasings as Record<Locale, string[]>;
  if (phrasings['nl-NL'].length < 12 || phrasings['nl-BE'].length < 12) {
    throw new Error(`${file}: phrasings: need at least 12 templates per locale (8+ per topic plus held-out questions)`);
  }
  return data as unknown as DutchWordList;
}
