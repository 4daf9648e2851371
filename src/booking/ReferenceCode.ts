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

/**
 * A reference written inside a longer message (the cancel command followed by "KX7-4PM"), as
 * the confirmation tells patients to type it. Six characters of the code's alphabet, with a dash
 * between the halves or at least one digit: two three-letter words are not a code.
 */
export function findReferenceCode(text: string): string | undefined {
  // Every start of a word, overlapping (a word before the code makes a second candidate): the most
  // code-like wins (a dash, then a digit in each half), the later one on a tie.
  const codes = new RegExp(`(?<![A-Za-z0-9])(?=([${ALPHABET}]{3})([-\\s]?)([${ALPHABET}]{3})(?![A-Za-z0-9]))`, 'gi');
  let best: { code: string; score: number } | undefined;
  for (const m of text.matchAll(codes)) {
    const score = (m[2] === '-' ? 4 : 0) + (/[0-9]/.test(m[1]) ? 1 : 0) + (/[0-9]/.test(m[3]) ? 1 : 0);
    if ((m[2] === '-' || score > 0) && (!best || score >= best.score)) best = { code: (m[1] + m[3]).toUpperCase(), score };
  }
  return best && `${best.code.slice(0, 3)}-${best.code.slice(3)}`;
}

/** Normalises what a patient types ("kx7 4pm", "KX74PM") to the stored form. */
export function normalizeReferenceCode(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const m = /([A-Z0-9]{6})/.exec(compact);
  if (!m || [...m[1]].some((c) => !ALPHABET.includes(c))) return undefined;
  return `${m[1].slice(0, 3)}-${m[1].slice(3)}`;
}

/** How a reference is spelled aloud: the names of its characters by the character, and words that only separate its parts. */
export interface CodeSpelling {
  spelledCharacters: Readonly<Record<string, readonly string[]>>;
  spelledSeparators: readonly string[];
}

/** The most words a character's name has ("Greek y"). */
const NAME_WORDS = 2;

/**
 * A reference spelled aloud in a message of nothing else (the Dutch names of B, X, 4, R, B, 8, or
 * "B X four R B eight"): every word a character's name, a single letter or digit, a few characters with a
 * digit among them ("H3V"), or a word that only separates the parts; six characters of the
 * code's alphabet in all. Undefined for anything else: a sentence around it, a character no code
 * has, or too few or too many.
 */
export function spelledReferenceCode(text: string, spelling: CodeSpelling): string | undefined {
  const fold = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().split(/\s+/).filter(Boolean).join(' ');
  const names = new Map<string, string>();
  for (const [c, list] of Object.entries(spelling.spelledCharacters)) for (const name of list) names.set(fold(name), c);
  const separators = new Set(spelling.spelledSeparators.map(fold));
  const words = fold(text.replace(/[-–,.;:!?/]+/g, ' ')).split(' ').filter(Boolean);
  let code = '';
  let named = false;
  for (let i = 0; i < words.length;) {
    const n = [NAME_WORDS, 1].find((k) => i + k <= words.length && (names.has(words.slice(i, i + k).join(' ')) || separators.has(words.slice(i, i + k).join(' '))));
    if (n) {
      code += names.get(words.slice(i, i + n).join(' ')) ?? '';
      named ||= names.has(words.slice(i, i + n).join(' '));
      i += n;
      continue;
    }
    if (!/^[a-z0-9]$|^(?=[a-z0-9]*\d)[a-z0-9]{2,5}$/.test(words[i])) return undefined;
    code += words[i];
    i += 1;
  }
  if (!named) return undefined;
  return normalizeReferenceCode(code.length === 6 ? code : '');
}

/**
 * The text without the reference written in it (the cancel command followed by "KX7-4PM" → the
 * command alone): the code names no topic, and its letters would count as words no phrasing knows.
 */
export function withoutReferenceCode(text: string): string {
  const code = findReferenceCode(text);
  if (!code) return text;
  const [a, b] = code.split('-');
  return text.replace(new RegExp(`(?<![A-Za-z0-9])${a}[-\\s]?${b}(?![A-Za-z0-9])`, 'i'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A reference typed with spaces right after a word that names it ("code M G D W N C", "my
 * reference is MGD WNC"): the letters and digits after the word, or after one word more, in
 * groups of at most three, six characters of the code's alphabet in all. Without such a word
 * before them, spaced letters in a sentence are no code (findReferenceCode asks a dash or a digit).
 *
 * @param codeWords single words that name the code (the locales' `booking.words.codeWords`)
 */
export function spacedReferenceCodeAfter(text: string, codeWords: readonly string[]): string | undefined {
  const names = new Set(codeWords.map((w) => w.toLowerCase()));
  const tokens = text.toLowerCase().split(/[\s,.;:!?()"'–-]+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    if (!names.has(tokens[i])) continue;
    for (const start of [i + 1, i + 2]) {
      let compact = '';
      for (let j = start; j < tokens.length && compact.length < 6 && /^[a-z0-9]{1,3}$/.test(tokens[j]); j++) compact += tokens[j];
      const code = compact.length === 6 ? normalizeReferenceCode(compact) : undefined;
      if (code) return code;
    }
  }
  return undefined;
}
