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

/**
 * How a reference is spelled aloud: the names of its characters by the character, words that only
 * separate its parts, and the everyday words (language.yaml's stop words, among them names such as
 * "de", "en", "een") that may stand next to a spelling in a sentence without being part of it.
 */
export interface CodeSpelling {
  spelledCharacters: Readonly<Record<string, readonly string[]>>;
  spelledSeparators: readonly string[];
  stopwords: readonly string[];
}

/** The most words a character's name has ("Greek y"). */
const NAME_WORDS = 2;
/** A reference's characters. */
const CODE_CHARS = 6;
/**
 * The most letters of a spelling named by everyday words ("be", "er": B, R): more is a sentence.
 * A digit's name is a number, which in a spelling says what it means.
 */
const MOST_EVERYDAY = 3;

/** One piece of a spelling: the characters it gives, whether a name gave them, and the words it took. */
interface SpelledPiece {
  chars: string;
  named: boolean;
  /** A name that is also an everyday word ("de" for D): left out where a run that is too long opens with it. */
  ordinary: boolean;
  words: number;
}

/**
 * A reference spelled aloud, alone or inside a sentence ("my code is B X four R B eight, I
 * think"): a run of words that are each a character's name, a single letter or digit, a few
 * characters with a digit among them ("H3V"), or a word that only separates the parts, with six
 * characters of the code's alphabet in all, named or typed apart. A run longer than
 * six loses the everyday words it opens with ("it is the B X …": "the" is also D's name). Undefined
 * where no run, or more than one, is such a code: ordinary words are never read as letters (the
 * words of "I don't remember my code" are no names), nor a run with a character no code has.
 */
export function spelledReferenceCode(text: string, spelling: CodeSpelling): string | undefined {
  const fold = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().split(/\s+/).filter(Boolean).join(' ');
  const names = new Map<string, string>();
  for (const [c, list] of Object.entries(spelling.spelledCharacters)) for (const name of list) names.set(fold(name), c);
  const separators = new Set(spelling.spelledSeparators.map(fold));
  const everyday = new Set(spelling.stopwords.map(fold));
  const words = fold(text.replace(/[-–,.;:!?/]+/g, ' ')).split(' ').filter(Boolean);
  const pieceAt = (i: number): SpelledPiece | undefined => {
    for (const k of [NAME_WORDS, 1]) {
      if (i + k > words.length) continue;
      const said = words.slice(i, i + k).join(' ');
      if (names.has(said)) return { chars: names.get(said)!, named: true, ordinary: everyday.has(said), words: k };
      if (separators.has(said)) return { chars: '', named: false, ordinary: true, words: k };
    }
    return /^[a-z0-9]$|^(?=[a-z0-9]*\d)[a-z0-9]{2,5}$/.test(words[i]) ? { chars: words[i], named: false, ordinary: false, words: 1 } : undefined;
  };
  const codes = new Set<string>();
  let run: SpelledPiece[] = [];
  let inSentence = false;
  const close = () => {
    const code = codeOfRun(run, inSentence);
    if (code) codes.add(code);
    run = [];
  };
  for (let i = 0; i < words.length;) {
    const piece = pieceAt(i);
    if (!piece) {
      inSentence = true;
      close();
      i += 1;
      continue;
    }
    run.push(piece);
    i += piece.words;
  }
  close();
  return codes.size === 1 ? [...codes][0] : undefined;
}

/**
 * The code a run of spelled pieces gives, the everyday words it opens with left out while it is too
 * long ("it is the B X …"). Not at its end: "… K M and more" says the code goes on.
 */
function codeOfRun(run: readonly SpelledPiece[], inSentence: boolean): string | undefined {
  let from = 0;
  const length = () => run.slice(from).reduce((n, p) => n + p.chars.length, 0);
  while (length() > CODE_CHARS && run[from].ordinary) from += 1;
  const kept = run.slice(from).filter((p) => p.chars);
  if (length() !== CODE_CHARS) return undefined;
  // Spelled: a name among the characters, or each typed apart ("B X 4 R B 8"). In a sentence,
  // mostly everyday words ("yes and the e and the u" holds the names of N, D, E) are more of the
  // sentence, not a spelling; a message of nothing but names is a spelling, whichever they are.
  if (!kept.some((p) => p.named) && !kept.every((p) => p.chars.length === 1)) return undefined;
  if (inSentence && kept.filter((p) => p.ordinary && /[A-Z]/.test(p.chars)).length > MOST_EVERYDAY) return undefined;
  return normalizeReferenceCode(kept.map((p) => p.chars).join(''));
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
      for (let j = start; j < tokens.length && compact.length < CODE_CHARS && /^[a-z0-9]{1,3}$/.test(tokens[j]); j++) compact += tokens[j];
      const code = compact.length === CODE_CHARS ? normalizeReferenceCode(compact) : undefined;
      if (code) return code;
    }
  }
  return undefined;
}
