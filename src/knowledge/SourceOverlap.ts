import { createHash } from 'node:crypto';

/** Hashes of every run of `words` consecutive words in each source document, by document name. */
export interface SourceFingerprints {
  words: number;
  sources: Record<string, string[]>;
}

/** A run of words that a content file shares with a source document. */
export interface CopiedRun {
  file: string;
  run: string;
  source: string;
}

/** The words of a text as the reference seed-overlap check counts them (lowercase, Latin-1 letters and digits). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-zà-ÿ0-9]+/g) ?? [];
}

/** 48 bits of SHA-256: with a few thousand runs per document, a false match is vanishingly rare. */
function hashRun(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 12);
}

/**
 * Fingerprints of source documents: the hashes of their n-word runs, never their text, so the
 * repository can check for copied sentences without holding the sources.
 */
export function fingerprintSources(documents: Record<string, string>, words = 8): SourceFingerprints {
  const sources: Record<string, string[]> = {};
  for (const name of Object.keys(documents).sort()) {
    const w = wordsOf(documents[name]!);
    const hashes = new Set<string>();
    for (let k = 0; k + words <= w.length; k++) hashes.add(hashRun(w.slice(k, k + words).join(' ')));
    sources[name] = [...hashes].sort();
  }
  return { words, sources };
}

/**
 * Every maximal run of `fingerprints.words` or more words that `text` shares with a source,
 * as the reference tool reports them (a longer copied stretch is one run).
 */
export function findCopiedRuns(file: string, text: string, fingerprints: SourceFingerprints): CopiedRun[] {
  const n = fingerprints.words;
  const owner = new Map<string, string>();
  for (const [name, hashes] of Object.entries(fingerprints.sources)) for (const h of hashes) if (!owner.has(h)) owner.set(h, name);
  const w = wordsOf(text);
  const sourceAt = (k: number): string | undefined => owner.get(hashRun(w.slice(k, k + n).join(' ')));
  const found: CopiedRun[] = [];
  let k = 0;
  while (k + n <= w.length) {
    const source = sourceAt(k);
    if (!source) {
      k++;
      continue;
    }
    let end = k + n;
    while (end < w.length && sourceAt(end - n + 1)) end++;
    found.push({ file, run: w.slice(k, end).join(' '), source });
    k = end;
  }
  return found;
}
