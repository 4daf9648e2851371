/**
 * `npm run kb:report`: every topic and the red-flag list with its review (by whom, when, when
 * next), the reviews that are due or missing, and the topics whose follow-ups are missing or
 * point nowhere — what a clinician should look at next.
 */
import { CONTENT_LIMITS, loadKnowledge, reviewStates } from '../knowledge';

const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
const today = process.env.KB_REPORT_TODAY ?? new Date().toISOString().slice(0, 10);
const { knowledge, problems } = loadKnowledge(dir);
if (!knowledge) {
  console.error(`kb:report: the knowledge in "${dir}" does not load; run npm run kb:lint (${problems.length} problem(s))`);
  process.exit(1);
}
const topics = [...knowledge.topics.values()].sort((a, b) => a.id.localeCompare(b.id));
const states = reviewStates(knowledge);
const reviewed = states.filter((s) => s.reviewedBy && s.reviewedOn);
const unreviewed = states.filter((s) => !(s.reviewedBy && s.reviewedOn));
const due = reviewed.filter((s) => !s.nextReview || s.nextReview <= today);

console.log(`Review state (${topics.length} topics and the red-flag list, ${today})`);
console.log(`  ${'file'.padEnd(34)} ${'reviewedBy'.padEnd(24)} ${'reviewedOn'.padEnd(11)} nextReview`);
for (const s of states) {
  console.log(`  ${s.file.padEnd(34)} ${(s.reviewedBy ?? '-').padEnd(24)} ${(s.reviewedOn ?? '-').padEnd(11)} ${s.nextReview ?? '-'}`);
}
console.log(`  reviewed: ${reviewed.length}`);
console.log(`  review due: ${due.length}`);
for (const s of due) console.log(`    ${s.file.padEnd(32)} ${s.nextReview ? `due since ${s.nextReview}` : 'no next review date'}`);
console.log(`  not yet reviewed by a clinician: ${unreviewed.length}`);
for (const s of unreviewed) console.log(`    ${s.file}`);

const followUpIssues = topics
  .map((t) => {
    const unknown = t.followUps.filter((f) => !knowledge.topics.has(f));
    const n = t.followUps.length - unknown.length;
    const notes: string[] = [];
    if (n < CONTENT_LIMITS.minFollowUps) notes.push(`${n} follow-up(s), ${CONTENT_LIMITS.minFollowUps}–${CONTENT_LIMITS.maxFollowUps} expected`);
    if (unknown.length) notes.push(`unknown: ${unknown.join(', ')}`);
    return { id: t.id, notes };
  })
  .filter((x) => x.notes.length);
const neverOffered = topics.filter((t) => !topics.some((o) => o.followUps.includes(t.id)));
console.log(`\nFollow-ups`);
console.log(`  topics with missing or unknown follow-ups: ${followUpIssues.length}`);
for (const x of followUpIssues) console.log(`    ${x.id.padEnd(26)} ${x.notes.join('; ')}`);
console.log(`  topics no other topic offers as a follow-up: ${neverOffered.length}`);
for (const t of neverOffered) console.log(`    ${t.id}`);
