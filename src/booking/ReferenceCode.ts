import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a code read over the phone must not be misheard. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Source of randomness for reference codes; injected so tests are deterministic. */
export type RandomInt = (maxExclusive: number) => number;

/** A short, human-friendly booking reference such as "KX7-4PM". */
export function newReferenceCode(random: RandomInt = randomInt): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += ALPHABET[random(ALPHABET.length)];
  return `${s.slice(0, 3)}-${s.slice(3)}`;
}

/** Normalises what a patient types ("kx7 4pm", "KX74PM") to the stored form. */
export function normalizeReferenceCode(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const m = /([A-Z0-9]{6})/.exec(compact);
  if (!m || [...m[1]].some((c) => !ALPHABET.includes(c))) return undefined;
  return `${m[1].slice(0, 3)}-${m[1].slice(3)}`;
}
