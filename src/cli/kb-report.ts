/**
 * `npm run kb:report`: the topics by review state (reviewed by whom and when, or not yet), and
 * the topics whose follow-ups are missing or point nowhere — what a clinician should look at next.
 */
import { CONTENT_LIMITS, loadKnowledge } from '../knowledge';

const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
const { knowledge, problems } = loadKnowledge(dir);
if (!knowledge) {
  console.error(`kb:report: the knowledge in "${dir}" does not load; run npm run kb:lint (${problems.length} problem(s))`);
  process.exit(1);
}
const topics = [...knowledge.topics.values()].sort((a, b) => a.id.localeCompare(b.id));
const reviewed = topics.filter((t) => t.review.lastReviewed && t.review.reviewedBy);
const unreviewed = topics.filter((t) => !(t.review.lastReviewed && t.review.reviewedBy));

console.log(`Review state (${topics.length} topics)`);
console.log(`  reviewed: ${reviewed.length}`);
for (const t of reviewed.sort((a, b) => String(a.review.lastReviewed).localeCompare(String(b.review.lastReviewed)))) {
  console.log(`    ${t.id.padEnd(26)} ${t.review.lastReviewed}  ${t.review.reviewedBy}`);
}
console.log(`  not yet reviewed by a clinician: ${unreviewed.length}`);
for (const t of unreviewed) console.log(`    ${t.id}`);

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
