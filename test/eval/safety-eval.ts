/**
 * `npm run eval:safety` (also part of `npm run eval`): the red-flag tables through the safety
 * module. Per tier, the recall (a message caught with its tier or a more urgent one; the exact
 * tier is shown beside it) and the false alarms on ordinary messages. The held-out tables were
 * written by people who never saw the rules: `redflags-dev` to develop against, `redflags-test`
 * frozen (only run for the figures). `dev-other.jsonl` adds its emergencies and other messages;
 * the red-flag audit sets, opened after their blind scores, are development sets; two routing sets
 * add their ordinary questions to the false-alarm count. `redflags-dev` and the first three audit
 * sets, which the crisis net learns from, live in `knowledge/safety-sets/` (named by
 * `crisis-examples.yaml`); the others stay here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { checkInConversation, type SaidBefore } from '../../src/conversation/SafetyDesk';
import { loadValidatedKnowledge, type KnowledgeBase } from '../../src/knowledge';
import type { RedFlagDetector } from '../../src/safety/RedFlagDetector';
import { atLeastAsUrgent, isTier, moreUrgent, TIERS, type Tier } from '../../src/safety/Tier';
import { Router } from '../../src/understanding/Router';
import { SAFETY_SETS_DIR } from './dataset';

/** One labelled message: a tier, `any` (an emergency of unknown tier) or `none`. */
export interface SafetyExample {
  text: string;
  /** A burst: messages sent one after the other, read as the bot reads them (`text` joins them). */
  messages?: string[];
  locale: string;
  tier: Tier | 'any' | 'none';
  situation?: string;
  style?: string;
}

/** What one table gave. */
export interface SafetyFigures {
  name: string;
  /** Per tier (and `any`): caught at that tier or a more urgent one, caught at exactly that tier, total. */
  perTier: Record<string, { caught: number; exact: number; total: number }>;
  ordinary: number;
  falseAlarms: number;
  missed: { example: SafetyExample; got: Tier | undefined }[];
  alarms: { example: SafetyExample; got: Tier }[];
}

/** The targets of issue 20: every tier caught, at most 1 % false alarms. */
export const SAFETY_TARGETS = { recall: 1, falseAlarmRate: 0.01 } as const;

const HERE = __dirname;

/** The tables `npm run eval` reports, with their files (missing ones are left out). */
/**
 * `frozen`: held to the targets but never listed sentence by sentence (EVAL_SHOW_ERRORS), since
 * whoever reads its misses has opened it: the frozen test part, and routing-audit2, whose
 * questions also stand as the routing evaluation's blind set.
 */
export const SAFETY_TABLES: { name: string; file: string; frozen?: boolean }[] = [
  { name: 'redflags-dev', file: join(SAFETY_SETS_DIR, 'redflags-dev.jsonl') },
  { name: 'redflags-test (frozen)', file: join(HERE, 'heldout', 'redflags-test.jsonl'), frozen: true },
  { name: 'dev-other', file: join(HERE, 'dev-other.jsonl') },
  // Written blind, scored once, then opened: a development set since (issue 20's audit).
  { name: 'redflags-audit (used, now development)', file: join(SAFETY_SETS_DIR, 'redflags-audit.jsonl') },
  // Ordinary questions only (no emergencies): what the routing sets ask must raise no alarm.
  { name: 'routing-audit (ordinary questions)', file: join(HERE, 'audit', 'routing-audit.jsonl') },
  { name: 'topics-dev (ordinary questions)', file: join(HERE, 'heldout', 'topics-dev.jsonl') },
  // The second blind set, scored once (112 32/37, crisis 24/36, now 53/57, soon 33/33, false
  // alarms 4/136), then opened: a development set since, like the first.
  { name: 'redflags-audit2 (used, now development)', file: join(SAFETY_SETS_DIR, 'redflags-audit2.jsonl') },
  { name: 'routing-audit2 (ordinary questions)', file: join(HERE, 'audit2', 'routing-audit2.jsonl'), frozen: true },
  // The third blind set, scored once (112 41/47, crisis 26/53, now 66/71, soon 36/41, false
  // alarms 8/156), then opened: a development set since. Its lesson: crisis is tuned for recall.
  { name: 'redflags-audit3 (used, now development)', file: join(SAFETY_SETS_DIR, 'redflags-audit3.jsonl') },
  // The fourth blind set, scored once with the crisis net (112 45/53, crisis 60/86, now 65/70,
  // soon 38/42, false alarms 2/188), then opened for round 4: a development set since.
  { name: 'audit4 (development since round 4)', file: join(HERE, 'audit4', 'redflags-audit4.jsonl') },
  // The fifth blind set, scored once after round 4 (112 43/55, crisis 67/90, now 63/70, soon
  // 34/40, false alarms 6/170), then opened for round 5: a development set since.
  { name: 'audit5 (development since round 5)', file: join(HERE, 'audit5', 'redflags-audit5.jsonl') },
  // The sixth blind set (another writer), scored before round 4, after it and after round 5 (112
  // 49/55, crisis 76/90, now 62/70, soon 43/45, false alarms 9/170), then opened for round 6: a
  // development set since.
  { name: 'audit6 (development since round 6)', file: join(HERE, 'audit6', 'redflags-audit6.jsonl') },
  // The seventh blind set (a third writer), scored before round 5, after it and after round 6
  // (112 53/55, crisis 80/90, now 63/70, soon 45/45, false alarms 8/160), then opened for round
  // 7: a development set since.
  { name: 'audit7 (development since round 7)', file: join(HERE, 'audit7', 'redflags-audit7.jsonl') },
];

/**
 * Blind sets: written without seeing the rules, never tuned on. Reported beside the tables
 * above, never held to the targets: their figures are what the check does on words it has not
 * seen (issue 20). Opening one to fix its misses makes it a development table above, and a new
 * blind set is written for the next round.
 */
export const BLIND_TABLES: { name: string; file: string }[] = [
  // Written beside the sixth red-flag set (now development since round 6); its ordinary
  // questions stay blind.
  { name: 'routing-audit3 (blind ordinary questions)', file: join(HERE, 'audit6', 'routing-audit3.jsonl') },
  // Written beside the seventh red-flag set (now development since round 7) by the same third
  // writer; its ordinary questions stay blind.
  { name: 'routing-audit4 (blind ordinary questions)', file: join(HERE, 'audit7', 'routing-audit4.jsonl') },
  // The eighth, by a fourth writer (6 December 2026), written during round 7 and scored once
  // before its merge and once after; routing-audit5 beside it.
  { name: 'redflags-audit8 (blind, never tuned on)', file: join(HERE, 'audit8', 'redflags-audit8.jsonl') },
  { name: 'routing-audit5 (blind ordinary questions)', file: join(HERE, 'audit8', 'routing-audit5.jsonl') },
  // By a seventh writer (6 December 2026, night), the eleventh set: 200 red flags of every tier in
  // the styles patients use (voice-to-text, WhatsApp, elderly, about someone in the room), 200
  // ordinary messages that use alarming words, and 40 bursts of two to five messages. Scored once
  // on a437f4f before the night's safety changes and once after; routing-audit6 beside it (its
  // routing is scored by `npm run eval`).
  { name: 'redflags-audit11 (blind, never tuned on)', file: join(HERE, 'audit11', 'redflags-audit11.jsonl') },
  { name: 'ordinary-audit11 (blind, alarming words)', file: join(HERE, 'audit11', 'ordinary.jsonl') },
  { name: 'bursts-audit11 (blind)', file: join(HERE, 'audit11', 'bursts.jsonl') },
  { name: 'routing-audit6 (blind ordinary questions)', file: join(HERE, 'audit11', 'routing-audit6.jsonl') },
  { name: 'redflags-audit12 (blind, never tuned on)', file: join(HERE, 'audit12', 'redflags-audit12.jsonl') },
  { name: 'ordinary-audit12 (blind, alarming words)', file: join(HERE, 'audit12', 'ordinary.jsonl') },
  { name: 'bursts-audit12 (blind)', file: join(HERE, 'audit12', 'bursts.jsonl') },
  { name: 'routing-audit7 (blind ordinary questions)', file: join(HERE, 'audit12', 'routing-audit7.jsonl') },
  // A twelfth writer's routing set (7 December 2026, round 16), written beside the eleventh
  // writer's red flags (opened in round 17, below); still blind.
  { name: 'routing-audit9 (blind ordinary questions)', file: join(HERE, 'audit14', 'routing-audit9.jsonl') },
  // By a sixteenth writer (7 December 2026, round 20): emoji, autocorrect and swipe-typing
  // mistakes, angry and anxious patients, home-care nurses writing about a client, Surinamese and
  // street Dutch, strong dialect, hypothetical and quoted advice, forwarded text; 200 red flags,
  // 200 ordinary messages, 40 bursts and routing-audit13. Scored on 9de4e63 before the round's
  // merges and on its final build, aggregates only.
  { name: 'redflags-audit18 (blind, never tuned on)', file: join(HERE, 'audit18', 'redflags-audit18.jsonl') },
  { name: 'ordinary-audit18 (blind, alarming words)', file: join(HERE, 'audit18', 'ordinary.jsonl') },
  { name: 'bursts-audit18 (blind)', file: join(HERE, 'audit18', 'bursts.jsonl') },
  { name: 'routing-audit13 (blind ordinary questions)', file: join(HERE, 'audit18', 'routing-audit13.jsonl') },
];

/**
 * Opened sets: blind until their misses were read to fix the families they show, so development
 * since, but not held to the targets: their ordinary messages were built to look alarming (stories
 * of a film, a pet, a relative's past operation), and 100 % there would take rules that copy them.
 * Printed with their misses under EVAL_SHOW_ERRORS.
 */
export const OPENED_TABLES: { name: string; file: string }[] = [
  // By a fifth writer (6 December 2026), after a patient-style test: short chat replies (ordinary
  // and crisis), signs that passed by themselves (recent: now; assessed or long ago: none), and
  // bursts of two or three messages that are an alarm only together. Blind until round 13 (7
  // December 2026), when its misses were listed by mistake, taken for an opened set; scored on
  // 84c4ad8 before that round's families of passed and assessed signs: passed now 35/45, false
  // alarms 9/35.
  { name: 'short-replies-audit9 (opened in round 13)', file: join(HERE, 'audit9', 'short-replies.jsonl') },
  { name: 'passed-audit9 (opened in round 13)', file: join(HERE, 'audit9', 'passed.jsonl') },
  { name: 'bursts-audit9 (opened in round 13)', file: join(HERE, 'audit9', 'bursts.jsonl') },
  // By a sixth writer (6 December 2026, evening), after a fifth patient-style test: stories with
  // the sign in the middle, replies typed during a booking, bursts of four or five messages, and
  // messages about someone else (a film, a pet, a relative). Scored once before that evening's
  // safety changes (7543928) and once after, then opened in round 11.
  { name: 'stories-audit10 (opened in round 11)', file: join(HERE, 'audit10', 'stories.jsonl') },
  { name: 'flow-replies-audit10 (opened in round 11)', file: join(HERE, 'audit10', 'flow-replies.jsonl') },
  { name: 'bursts5-audit10 (opened in round 11)', file: join(HERE, 'audit10', 'bursts5.jsonl') },
  { name: 'others-audit10 (opened in round 11)', file: join(HERE, 'audit10', 'others.jsonl') },
  // By a ninth writer (7 December 2026): 200 red flags (more told in passing, two tiers in one
  // message, answers typed in a flow), 200 ordinary messages with heavy everyday idiom, 40 bursts.
  // Scored blind once on 3f2342c (112 37/40, crisis 38/40, now 65/70, soon 48/50, ordinary false
  // alarms 19/200, bursts 30/30 and 3/10), then opened in round 15. A tenth writer's routing set
  // beside it: ordinary questions, development for routing.
  { name: 'redflags-audit13 (opened in round 15)', file: join(HERE, 'audit13', 'redflags-audit13.jsonl') },
  { name: 'ordinary-audit13 (opened in round 15)', file: join(HERE, 'audit13', 'ordinary.jsonl') },
  { name: 'bursts-audit13 (opened in round 15)', file: join(HERE, 'audit13', 'bursts.jsonl') },
  { name: 'routing-audit8 (opened in round 15)', file: join(HERE, 'audit13', 'routing-audit8.jsonl') },
  // By an eleventh writer (7 December 2026, round 16): people who minimise, carers typing for the
  // patient, long voice-to-text stories, signs told by what one cannot do, crisis thoughts wrapped
  // in jokes or practical questions. Scored blind on 95b474b and on b6778f5 (the same: 112 36/40,
  // crisis 29/40, now 64/70, soon 43/50, ordinary false alarms 13/200, bursts 25/30 and 3/10),
  // then opened in round 17.
  { name: 'redflags-audit14 (opened in round 17)', file: join(HERE, 'audit14', 'redflags-audit14.jsonl') },
  { name: 'ordinary-audit14 (opened in round 17)', file: join(HERE, 'audit14', 'ordinary.jsonl') },
  { name: 'bursts-audit14 (opened in round 17)', file: join(HERE, 'audit14', 'bursts.jsonl') },
  // By a thirteenth writer (7 December 2026, round 17): people for whom Dutch is a second
  // language, regional speech in writing, formal letters, the sign inside a practical request,
  // time told loosely. Scored blind on e461d08 and on 4b89258 (112 35/40, crisis 37/40, now 65/70,
  // soon 42/50, ordinary false alarms 10/200, bursts 25/30 and 1/10), then opened in round 18;
  // routing-audit10 beside it (blind top-1 66.4 %), development for routing since.
  { name: 'redflags-audit15 (opened in round 18)', file: join(HERE, 'audit15', 'redflags-audit15.jsonl') },
  { name: 'ordinary-audit15 (opened in round 18)', file: join(HERE, 'audit15', 'ordinary.jsonl') },
  { name: 'bursts-audit15 (opened in round 18)', file: join(HERE, 'audit15', 'bursts.jsonl') },
  { name: 'routing-audit10 (opened in round 18)', file: join(HERE, 'audit15', 'routing-audit10.jsonl') },
  // By a fourteenth writer (7 December 2026, round 18): patients who use medical words, phonetic
  // spelling, grandchildren typing in youth chat style, questions asking permission, lists and
  // line breaks. Scored blind on 895fb60 and on e8cd36f (112 36/40, crisis 36/40, now 63/70, soon
  // 42/50, ordinary false alarms 16/200, bursts 26/30 and 1/10), then opened in round 19;
  // routing-audit11 beside it (blind top-1 72.1 %), development for routing since.
  { name: 'redflags-audit16 (opened in round 19)', file: join(HERE, 'audit16', 'redflags-audit16.jsonl') },
  { name: 'ordinary-audit16 (opened in round 19)', file: join(HERE, 'audit16', 'ordinary.jsonl') },
  { name: 'bursts-audit16 (opened in round 19)', file: join(HERE, 'audit16', 'bursts.jsonl') },
  { name: 'routing-audit11 (opened in round 19)', file: join(HERE, 'audit16', 'routing-audit11.jsonl') },
  // By a fifteenth writer (7 December 2026, round 19): numbers and measurements, Belgian French
  // loanwords and city speech, old and religious idiom, irony, sporty patients, signs typed after
  // "ok" or "ja" in a flow. Scored blind on ad05cc6 and on 9a0ae48 (the same: 112 37/40, crisis
  // 36/40, now 67/70, soon 45/50, ordinary false alarms 6/200, bursts 29/30 and 1/10), then
  // opened in round 20; routing-audit12 beside it (blind top-1 68.6 %, then 68.9 %), development
  // for routing since.
  { name: 'redflags-audit17 (opened in round 20)', file: join(HERE, 'audit17', 'redflags-audit17.jsonl') },
  { name: 'ordinary-audit17 (opened in round 20)', file: join(HERE, 'audit17', 'ordinary.jsonl') },
  { name: 'bursts-audit17 (opened in round 20)', file: join(HERE, 'audit17', 'bursts.jsonl') },
  { name: 'routing-audit12 (opened in round 20)', file: join(HERE, 'audit17', 'routing-audit12.jsonl') },
];

/** Reads a JSON-lines table; a line with `tier` keeps it, else intent `emergency` is `any`. */
export function loadSafetyTable(file: string): SafetyExample[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      let raw: { text?: unknown; messages?: unknown; locale?: unknown; tier?: unknown; intent?: unknown; situation?: unknown; style?: unknown };
      try {
        raw = JSON.parse(line) as typeof raw;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      const tier = isTier(String(raw.tier)) ? (String(raw.tier) as Tier) : raw.tier === 'none' ? 'none' : raw.intent === 'emergency' ? 'any' : 'none';
      const messages = Array.isArray(raw.messages) ? raw.messages.map(String) : undefined;
      const text = messages ? messages.join('\n') : String(raw.text ?? '');
      return { text, messages, locale: String(raw.locale ?? 'nl-NL'), tier, situation: raw.situation as string | undefined, style: raw.style as string | undefined };
    });
}

/** The detector the bot asks: the router's, over its normaliser (vocabulary, typo correction). */
export function safetyDetectorFor(_kb: KnowledgeBase, router: Router): RedFlagDetector {
  return router.redFlags;
}

/** Runs one table through the detector. */
export function evaluateSafety(name: string, detector: RedFlagDetector, examples: SafetyExample[]): SafetyFigures {
  const figures: SafetyFigures = { name, perTier: {}, ordinary: 0, falseAlarms: 0, missed: [], alarms: [] };
  for (const example of examples) {
    const got = example.messages ? burstTier(detector, example.messages) : detector.detect(example.text)?.tier;
    if (example.tier === 'none') {
      figures.ordinary += 1;
      if (got) {
        figures.falseAlarms += 1;
        figures.alarms.push({ example, got });
      }
      continue;
    }
    const row = (figures.perTier[example.tier] ??= { caught: 0, exact: 0, total: 0 });
    row.total += 1;
    const caught = got !== undefined && (example.tier === 'any' || atLeastAsUrgent(got, example.tier));
    if (caught) row.caught += 1;
    else figures.missed.push({ example, got });
    if (got !== undefined && (example.tier === 'any' || got === example.tier)) row.exact += 1;
  }
  return figures;
}

/** The most urgent alarm a burst gets, each message read as the bot reads it (alone, else with the ones before). */
function burstTier(detector: RedFlagDetector, messages: readonly string[]): Tier | undefined {
  const now = new Date();
  const earlier: SaidBefore[] = [];
  let tier: Tier | undefined;
  for (const m of messages) {
    // As the bot's alarm does: the tier is remembered for the next message.
    tier = moreUrgent(tier, checkInConversation((t) => detector.detect(t), (t) => detector.everyTierByRules(t), m, earlier, tier, now)?.tier);
    earlier.push({ text: m, at: now.getTime() });
  }
  return tier;
}

/** True when the table meets the targets. */
export function meetsTargets(f: SafetyFigures): boolean {
  const recallOk = Object.values(f.perTier).every((r) => r.caught / r.total >= SAFETY_TARGETS.recall);
  return recallOk && (f.ordinary === 0 || f.falseAlarms / f.ordinary <= SAFETY_TARGETS.falseAlarmRate);
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)} %` : '-');

/** The report lines of one table. */
export function formatSafety(f: SafetyFigures, showErrors = false): string[] {
  const lines = [`${f.name}:`];
  for (const tier of [...TIERS, 'any']) {
    const r = f.perTier[tier];
    if (!r) continue;
    lines.push(`  tier ${tier.padEnd(7)} recall ${pct(r.caught, r.total).padStart(8)} (${r.caught}/${r.total}), exact tier ${pct(r.exact, r.total)}`);
  }
  lines.push(`  false alarms     ${pct(f.falseAlarms, f.ordinary).padStart(8)} (${f.falseAlarms}/${f.ordinary} ordinary messages)`);
  if (showErrors) {
    for (const m of f.missed) lines.push(`    missed [${m.example.tier}→${m.got ?? '-'}] ${m.example.text}`);
    for (const a of f.alarms) lines.push(`    false alarm [${a.got}] ${a.example.text}`);
  }
  return lines;
}

/** Evaluates every table that exists; prints the report; true when all meet the targets. */
export function runSafetyEval(kb: KnowledgeBase, router: Router, log: (line: string) => void = console.log): boolean {
  const detector = safetyDetectorFor(kb, router);
  let ok = true;
  log('\nRed flags (safety module): recall per tier = caught with this tier or a more urgent one');
  for (const table of SAFETY_TABLES.filter((t) => existsSync(t.file))) {
    const f = evaluateSafety(table.name, detector, loadSafetyTable(table.file));
    for (const line of formatSafety(f, Boolean(process.env.EVAL_SHOW_ERRORS) && !table.frozen)) log(line);
    ok &&= meetsTargets(f);
  }
  log(ok ? 'Red-flag targets met.' : 'Red-flag targets missed.');
  for (const table of OPENED_TABLES.filter((t) => existsSync(t.file))) {
    for (const line of formatSafety(evaluateSafety(table.name, detector, loadSafetyTable(table.file)), Boolean(process.env.EVAL_SHOW_ERRORS))) log(line);
  }
  for (const table of BLIND_TABLES.filter((t) => existsSync(t.file))) {
    // Never with the misses listed: whoever reads them has opened the set.
    for (const line of formatSafety(evaluateSafety(table.name, detector, loadSafetyTable(table.file)))) log(line);
  }
  return ok;
}

if (require.main === module) {
  const config = parseConfig(process.env);
  const kb = loadValidatedKnowledge(config.knowledgeDir);
  const router = new Router(kb, { thresholds: config.router, maxChars: config.maxMessageChars });
  process.exitCode = runSafetyEval(kb, router) ? 0 : 1;
}
