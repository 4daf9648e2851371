import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CopiedRun, findCopiedRuns, fingerprintSources, type SourceFingerprints } from './SourceOverlap';

/** The file, inside the knowledge folder, that holds the source documents' fingerprints. */
export const FINGERPRINT_FILE = 'source-fingerprints.json';

/** Where the source documents live when the shared folder is checked out beside the repository. */
export const DEFAULT_SOURCES_DIR = join('..', 'shared', 'seeds');

/** Outcome of the overlap check: copied runs, and problems with the fingerprints themselves. */
export interface OverlapReport {
  copied: CopiedRun[];
  problems: string[];
  checkedFiles: number;
}

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

/** Reads a folder of source documents (the seeds) as name → text. */
export function readSources(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/**
 * Checks every content file (knowledge and locales) against the stored fingerprints. When the
 * source documents are present too, the fingerprints must be the ones they give, so a changed
 * or added source cannot go unnoticed.
 */
export function checkSourceOverlap(knowledgeDir: string, contentDirs: string[], sourcesDir = DEFAULT_SOURCES_DIR): OverlapReport {
  const fingerprintPath = join(knowledgeDir, FINGERPRINT_FILE);
  const problems: string[] = [];
  if (!existsSync(fingerprintPath)) {
    return { copied: [], checkedFiles: 0, problems: [`${FINGERPRINT_FILE}: missing; build it with "npm run kb:fingerprints" where the source documents are checked out`] };
  }
  let fingerprints: SourceFingerprints;
  try {
    fingerprints = JSON.parse(readFileSync(fingerprintPath, 'utf8')) as SourceFingerprints;
    if (!Number.isInteger(fingerprints.words) || typeof fingerprints.sources !== 'object' || !fingerprints.sources) throw new Error('needs "words" and "sources"');
  } catch (e) {
    return { copied: [], checkedFiles: 0, problems: [`${FINGERPRINT_FILE}: unreadable (${(e as Error).message}); rebuild it with "npm run kb:fingerprints"`] };
  }
  if (existsSync(sourcesDir)) {
    const fresh = fingerprintSources(readSources(sourcesDir), fingerprints.words);
    if (JSON.stringify(fresh) !== JSON.stringify(fingerprints)) problems.push(`${FINGERPRINT_FILE}: does not match the documents in ${sourcesDir}; rebuild it with "npm run kb:fingerprints"`);
  }
  const files = contentDirs.flatMap(filesBelow).filter((f) => !f.endsWith(FINGERPRINT_FILE));
  const copied = files.flatMap((f) => findCopiedRuns(relative('.', f), readFileSync(f, 'utf8'), fingerprints));
  return { copied, problems, checkedFiles: files.length };
}
