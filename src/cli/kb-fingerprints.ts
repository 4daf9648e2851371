/**
 * `npm run kb:fingerprints [folder]`: stores the hashes of every 8-word run of the source
 * documents (default ../shared/seeds) in knowledge/source-fingerprints.json, so the overlap check
 * runs on any clone without the documents' text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SOURCES_DIR, FINGERPRINT_FILE, fingerprintSources, readSources } from '../knowledge';

const sourcesDir = process.argv[2] ?? DEFAULT_SOURCES_DIR;
const knowledgeDir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
const fingerprints = fingerprintSources(readSources(sourcesDir));
writeFileSync(join(knowledgeDir, FINGERPRINT_FILE), `${JSON.stringify(fingerprints, null, 0)}\n`);
const runs = Object.values(fingerprints.sources).reduce((n, h) => n + h.length, 0);
console.log(`kb:fingerprints: ${Object.keys(fingerprints.sources).length} documents, ${runs} runs of ${fingerprints.words} words → ${join(knowledgeDir, FINGERPRINT_FILE)}`);
