/**
 * `npm run kb:lint`: checks every knowledge file (schemas and content rules) and prints each
 * problem as `file: field: problem`; then the clinicians' reviews: a review that is due or
 * missing is a warning, and content never reviewed fails a production build
 * (NODE_ENV=production). Exit status 1 when anything is wrong.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkSourceOverlap, formatProblem, lintKnowledge, lintReviews, loadKnowledge } from '../knowledge';

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
const overlap = checkSourceOverlap(dir, [dir, process.env.LOCALES_DIR ?? 'locales']);
for (const problem of overlap.problems) console.error(`kb:lint (sources): ${problem}`);
for (const c of overlap.copied) console.error(`kb:lint (sources): ${c.file}: "${c.run}" (also in ${c.source})`);
if (overlap.problems.length || overlap.copied.length) failed = true;
else console.log(`kb:lint (sources): ${overlap.checkedFiles} content files, 0 copied runs of 8+ words`);
const { knowledge } = loadKnowledge(dir);
if (knowledge) {
  const production = process.env.NODE_ENV === 'production';
  const { warnings, errors } = lintReviews(knowledge, new Date().toISOString().slice(0, 10), production);
  if (warnings.length) {
    console.warn(`kb:lint reviews: ${warnings.length} warning(s)`);
    for (const w of warnings) console.warn(`  warning: ${formatProblem(w)}`);
  }
  if (errors.length) {
    failed = true;
    console.error(`kb:lint reviews (NODE_ENV=production): ${errors.length} file(s) never reviewed`);
    for (const e of errors) console.error(`  ${formatProblem(e)}`);
  }
}
process.exit(failed ? 1 : 0);
