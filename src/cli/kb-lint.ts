/**
 * `npm run kb:lint`: checks every knowledge file (schemas and content rules) and prints each
 * problem as `file: field: problem`. Exit status 1 when anything is wrong.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, lintKnowledge, loadKnowledge } from '../knowledge';

const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
const practiceFiles = ['practice.yaml', 'examples/practice-be.yaml', 'examples/practice-caldav.yaml'].filter((f) => existsSync(join(dir, f)));
let failed = false;
for (const practiceFile of practiceFiles.length ? practiceFiles : ['practice.yaml']) {
  const { knowledge, problems } = loadKnowledge(dir, practiceFile);
  const all = knowledge ? [...problems, ...lintKnowledge(knowledge)] : problems;
  const unique = [...new Set(all.map(formatProblem))];
  if (unique.length) {
    failed = true;
    console.error(`kb:lint (${practiceFile}): ${unique.length} problem(s)`);
    for (const line of unique) console.error(`  ${line}`);
  } else {
    console.log(`kb:lint (${practiceFile}): ${knowledge!.topics.size} topics, both locales, no problems`);
  }
}
process.exit(failed ? 1 : 0);
