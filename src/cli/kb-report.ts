/**
 * `npm run kb:report`: what a clinician works through. Per topic: locales, phrasings, sources
 * (per country where the facts differ), review state and next review, and — from the curation
 * data of this installation — how often the answer was given and got a reaction (`asked`) and
 * how often it missed (`missed`: the patient's next message was "anders vragen" or something the
 * bot could not place, plus stored unanswered questions that the current content now routes to
 * this topic). Then the topics whose follow-ups are missing or point nowhere.
 *
 * `npm run --silent kb:report -- --markdown` prints the topic table as Markdown (without the
 * installation's curation figures), as kept in knowledge/README.md.
 *
 * Reads KNOWLEDGE_DIR / PRACTICE_FILE and the database the bot uses (DATABASE_URL, else the
 * SQLite file in DATA_DIR). Without a database file the curation columns show "–".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../config';
import { CONTENT_LIMITS, COUNTRIES, isDraftReviewer, loadKnowledge, reviewStateOf, reviewStates, type KnowledgeBase, type Topic } from '../knowledge';
import { openDatabase } from '../storage/openDatabase';
import { Router } from '../understanding';
import { systemClock } from '../util/Clock';

/** How often a topic was answered with a reaction, and how often it missed. */
interface Usage {
  asked: number;
  missed: number;
}

/** How many stored unanswered questions are routed again (the newest first). */
const UNANSWERED_LIMIT = 5000;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const markdown = args.includes('--markdown');
  const config = parseConfig(process.env);
  const dir = args.find((a) => !a.startsWith('--')) ?? config.knowledgeDir;
  const { knowledge, problems } = loadKnowledge(dir, config.practiceFile);
  if (!knowledge) {
    console.error(`kb:report: the knowledge in "${dir}" does not load; run npm run kb:lint (${problems.length} problem(s))`);
    process.exit(1);
  }
  const topics = [...knowledge.topics.values()].sort((a, b) => a.id.localeCompare(b.id));
  const today = systemClock.now().toISOString().slice(0, 10);
  if (markdown) {
    process.stdout.write(markdownTable(topics, today));
    return;
  }
  const usage = await curationUsage(knowledge, config);
  printRedFlagReview(knowledge);
  printTopics(topics, today, usage);
  printFollowUps(knowledge, topics);
}

function sourcesOf(t: Topic): string {
  if (!t.sourcesByCountry) return t.sources.join(', ');
  const perCountry = COUNTRIES.map((c) => `${c}: ${t.sourcesByCountry![c].join(', ')}`).join('; ');
  const shared = t.sources.filter((s) => !COUNTRIES.some((c) => t.sourcesByCountry![c].includes(s)));
  return [shared.join(', '), perCountry].filter(Boolean).join('; ');
}

function reviewText(t: Topic, today: string): { state: string; next: string } {
  const r = reviewStateOf(t, today);
  const state =
    r.state === 'not reviewed' ? 'not reviewed'
    : r.state === 'draft' ? `draft ${r.reviewedOn}, awaits a clinician`
    : `reviewed ${r.reviewedOn} by ${r.reviewedBy}`;
  return { state, next: r.nextReview ? `${r.nextReview}${r.overdue ? ' (overdue)' : ''}` : '–' };
}

/** The red-flag list and the crisis examples are reviewed like a topic; they come first because they matter most. */
function printRedFlagReview(knowledge: KnowledgeBase): void {
  const labels: Record<string, string> = { 'emergency.yaml': 'Red-flag list', 'crisis-examples.yaml': 'Crisis net examples' };
  for (const e of reviewStates(knowledge).filter((r) => labels[r.file])) {
    const state = !e.reviewedBy || !e.reviewedOn || isDraftReviewer(e.reviewedBy) ? 'not yet reviewed by a clinician' : `reviewed ${e.reviewedOn} by ${e.reviewedBy}`;
    console.log(`${labels[e.file]} (${e.file}): ${state}; next review ${e.nextReview ?? '–'}`);
  }
  console.log('');
}

function printTopics(topics: Topic[], today: string, usage: Map<string, Usage> | undefined): void {
  const states = topics.map((t) => reviewStateOf(t, today));
  const count = (s: string) => states.filter((r) => r.state === s).length;
  console.log(`Review state (${topics.length} topics)`);
  console.log(`  reviewed: ${count('reviewed')}`);
  console.log(`  drafts awaiting a clinician: ${count('draft')}`);
  console.log(`  not yet reviewed by a clinician: ${count('not reviewed') + count('draft')}`);
  console.log(`  next review overdue: ${states.filter((r) => r.overdue).length}`);
  console.log(usage ? '  asked / missed: from this installation\'s curation data' : '  asked / missed: no curation data found (no database in DATA_DIR and no DATABASE_URL)');
  console.log('');
  const header = ['topic', 'locales', 'phrasings NL/BE', 'asked', 'missed', 'next review', 'review', 'sources'];
  const rows = topics.map((t) => {
    const u = usage?.get(t.id);
    const r = reviewText(t, today);
    return [
      t.id,
      Object.keys(t.locales).join(' '),
      `${t.locales['nl-NL'].phrasings.length}/${t.locales['nl-BE'].phrasings.length}`,
      usage ? String(u?.asked ?? 0) : '–',
      usage ? String(u?.missed ?? 0) : '–',
      r.next,
      r.state,
      sourcesOf(t),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.slice(0).map((r) => (i < header.length - 2 ? r[i].length : 0))));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i < cells.length - 2 ? c.padEnd(widths[i]) : c)).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function printFollowUps(knowledge: KnowledgeBase, topics: Topic[]): void {
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
}

/** The topic table for knowledge/README.md. */
export function markdownTable(topics: Topic[], today: string): string {
  const lines = ['| topic | locales | phrasings NL/BE | review | next review | sources |', '|---|---|---|---|---|---|'];
  for (const t of topics) {
    const r = reviewText(t, today);
    // The date of "overdue" depends on the day the table is made; the README keeps the date only.
    const next = r.next.replace(' (overdue)', '');
    lines.push(`| ${t.id} | ${Object.keys(t.locales).join(', ')} | ${t.locales['nl-NL'].phrasings.length}/${t.locales['nl-BE'].phrasings.length} | ${r.state} | ${next} | ${sourcesOf(t)} |`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Reads the curation data: answer feedback per topic, and the stored unanswered questions routed
 * again with today's content (a question that now reaches a topic, answered or as the first choice
 * offered, counts as a miss of that topic).
 */
async function curationUsage(knowledge: KnowledgeBase, config: ReturnType<typeof parseConfig>): Promise<Map<string, Usage> | undefined> {
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'fysio-assistent.sqlite'))) return undefined;
  // The storage's writer thread does not hold the process open (the server does, in the bot);
  // this timer does, until the database is closed.
  const keepAlive = setInterval(() => undefined, 60_000);
  const db = await openDatabase(config, systemClock);
  try {
    const usage = new Map<string, Usage>();
    const get = (id: string) => usage.get(id) ?? (usage.set(id, { asked: 0, missed: 0 }), usage.get(id)!);
    for (const f of await db.curation.feedbackSummary()) {
      const u = get(f.topic);
      u.asked += Number(f.helpful) + Number(f.notHelpful);
      u.missed += Number(f.notHelpful);
    }
    const unanswered = await db.curation.unanswered(UNANSWERED_LIMIT);
    if (unanswered.length) {
      const router = new Router(knowledge, { thresholds: config.router, maxChars: config.maxMessageChars });
      for (const q of unanswered) {
        const d = router.route(q.text, { locale: q.locale });
        // Reached now: answered, or offered as the first choice when the bot asks which topic.
        const reached = d.intent === 'faq' ? d.topic : d.intent === 'clarify' ? d.candidates[0]?.topic : undefined;
        if (reached) get(reached).missed += 1;
      }
    }
    return usage;
  } finally {
    await db.close();
    clearInterval(keepAlive);
  }
}

main().catch((err: unknown) => {
  console.error(`kb:report: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
