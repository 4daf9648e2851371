/**
 * `npm run bench:safety-equivalence`: whether two builds of fysio-assistent make the same red-flag
 * decisions, for a change meant to make the check cheaper and nothing else (issue 26). Both
 * builds' compiled `dist/` are loaded in this one process, each with its own knowledge folder
 * and its own router (normaliser, crisis net, detector), and every text is put to both:
 *
 * - every message of every set in `knowledge/safety-sets/` and `test/eval/**` (a burst's messages
 *   one by one, joined, and read as the bot reads them, each with the ones before), and the
 *   knowledge base's crisis examples, FAQ and intent phrasings;
 * - `detect` (tier and rule), `everyTierByRules` (every tier and rule), `conceptsIn`, the net's
 *   `probability` and `highest` (to the last bit; the largest difference is printed), and a
 *   burst's tier as the bot reads it;
 * - all of it twice, so the second pass goes through the detector's caches.
 *
 * Settings: EQUIV_A (required; the folder of the build to compare against, with `dist/`),
 * EQUIV_B (default this checkout). Prints counts and, for a difference, only the set's file and
 * line (never the text: the frozen sets may not be read). Exits 1 on any difference.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..');

/** What this check uses of a build's detector. */
interface Detector {
  detect(text: string): { tier: string; rule: string } | undefined;
  everyTierByRules(text: string): { tier: string; rule: string }[];
  conceptsIn(text: string): Set<string>;
}

/** What this check uses of a build's crisis net. */
interface Net {
  probability(text: string): number;
  highest(text: string): number;
}

interface Earlier {
  text: string;
  at: number;
}

/** One build, loaded from its `dist/`. */
interface Build {
  detector: Detector;
  net: Net | undefined;
  checkInConversation: (
    check: (text: string) => unknown,
    checkTogether: (text: string) => unknown,
    text: string,
    earlier: readonly Earlier[],
    given: string | undefined,
    now: Date,
  ) => { tier: string; rule: string } | undefined;
  knowledge: { crisisExamples?: { crisis: Record<string, string[]>; notCrisis: Record<string, string[]> }; topics: Map<string, { locales: Record<string, { phrasings?: string[] } | undefined> }>; intents: Record<string, { phrasings: string[] }> };
}

/** A module of a compiled build (CommonJS, so its exports may sit under `default`). */
async function load(root: string, path: string): Promise<Record<string, unknown>> {
  const mod = (await import(pathToFileURL(join(root, 'dist', path)).href)) as Record<string, unknown> & { default?: Record<string, unknown> };
  return mod.default ?? mod;
}

async function build(root: string): Promise<Build> {
  if (!existsSync(join(root, 'dist', 'src', 'index.js'))) throw new Error(`${root} has no dist/src/index.js (npm run build there first)`);
  const config = await load(root, 'src/config/index.js');
  const knowledge = await load(root, 'src/knowledge/index.js');
  const routerModule = await load(root, 'src/understanding/Router.js');
  const desk = await load(root, 'src/conversation/SafetyDesk.js');
  const parsed = (config.parseConfig as (env: NodeJS.ProcessEnv) => { router: unknown; maxMessageChars: number })({ ...process.env, KNOWLEDGE_DIR: join(root, 'knowledge') });
  const kb = (knowledge.loadValidatedKnowledge as (dir: string) => Build['knowledge'])(join(root, 'knowledge'));
  const Router = routerModule.Router as new (kb: unknown, options: unknown) => { redFlags: Detector; crisisNet: Net | undefined };
  const router = new Router(kb, { thresholds: parsed.router, maxChars: parsed.maxMessageChars });
  return { detector: router.redFlags, net: router.crisisNet, checkInConversation: desk.checkInConversation as Build['checkInConversation'], knowledge: kb };
}

/** Every `.jsonl` file under a folder. */
function jsonlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? jsonlFiles(path) : name.endsWith('.jsonl') ? [path] : [];
    });
}

/** A text or a burst to put to both builds, with where it came from (file:line, never the text). */
interface Item {
  where: string;
  text?: string;
  messages?: string[];
}

function items(b: Build): Item[] {
  const out: Item[] = [];
  for (const file of [...jsonlFiles(join(ROOT, 'knowledge', 'safety-sets')), ...jsonlFiles(join(ROOT, 'test', 'eval'))]) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const row = JSON.parse(line) as { text?: unknown; messages?: unknown };
        const where = `${relative(ROOT, file)}:${i + 1}`;
        if (typeof row.text === 'string') out.push({ where, text: row.text });
        if (Array.isArray(row.messages)) {
          const messages = row.messages.filter((m): m is string => typeof m === 'string');
          messages.forEach((m, k) => out.push({ where: `${where} message ${k + 1}`, text: m }));
          out.push({ where: `${where} joined`, text: messages.join(' ') });
          out.push({ where: `${where} burst`, messages });
        }
      });
  }
  const kb = b.knowledge;
  const crisis = kb.crisisExamples;
  if (crisis) for (const [group, texts] of [...Object.entries(crisis.crisis), ...Object.entries(crisis.notCrisis)]) texts.forEach((t, i) => out.push({ where: `crisis-examples ${group} ${i + 1}`, text: t }));
  for (const [id, topic] of kb.topics) for (const [locale, l] of Object.entries(topic.locales)) (l?.phrasings ?? []).forEach((t, i) => out.push({ where: `topic ${id} ${locale} ${i + 1}`, text: t }));
  for (const [id, intent] of Object.entries(kb.intents)) intent.phrasings.forEach((t, i) => out.push({ where: `intent ${id} ${i + 1}`, text: t }));
  return out;
}

/** What a build says of one item, as text to compare, and the net's two figures. */
function answer(b: Build, item: Item, now: Date): { decision: string; alarm: boolean; p: number; h: number } {
  if (item.messages) {
    const earlier: Earlier[] = [];
    const tiers: string[] = [];
    let given: string | undefined;
    for (const m of item.messages) {
      const f = b.checkInConversation((t) => b.detector.detect(t), (t) => b.detector.everyTierByRules(t), m, earlier, given, now);
      tiers.push(f ? `${f.tier}/${f.rule}` : '-');
      given = f?.tier ?? given;
      earlier.push({ text: m, at: now.getTime() });
    }
    return { decision: tiers.join(' '), alarm: tiers.some((t) => t !== '-'), p: 0, h: 0 };
  }
  const text = item.text ?? '';
  const d = b.detector.detect(text);
  const every = b.detector.everyTierByRules(text).map((f) => `${f.tier}/${f.rule}`);
  const concepts = [...b.detector.conceptsIn(text)].sort();
  return {
    decision: `${d ? `${d.tier}/${d.rule}` : '-'} | ${every.join(',')} | ${concepts.join(',')}`,
    alarm: Boolean(d),
    p: b.net?.probability(text) ?? 0,
    h: b.net?.highest(text) ?? 0,
  };
}

async function main(): Promise<void> {
  if (!process.env.EQUIV_A) throw new Error('EQUIV_A: the folder of the build to compare against');
  const a = await build(resolve(process.env.EQUIV_A));
  const b = await build(resolve(process.env.EQUIV_B ?? ROOT));
  const list = items(b);
  const now = new Date();
  let compared = 0;
  let differences = 0;
  let maxDiff = 0;
  let alarms = 0;
  for (const pass of [1, 2]) {
    for (const item of list) {
      const x = answer(a, item, now);
      const y = answer(b, item, now);
      compared++;
      if (x.alarm) alarms++;
      maxDiff = Math.max(maxDiff, Math.abs(x.p - y.p), Math.abs(x.h - y.h));
      if (x.decision !== y.decision || x.p !== y.p || x.h !== y.h) {
        differences++;
        if (differences <= 20) console.log(`difference (pass ${pass}): ${item.where}${x.decision !== y.decision ? ' (decision)' : ''}${x.p !== y.p || x.h !== y.h ? ` (net ${Math.max(Math.abs(x.p - y.p), Math.abs(x.h - y.h))})` : ''}`);
      }
    }
  }
  const bursts = list.filter((i) => i.messages).length;
  console.log(`${list.length} items (${bursts} bursts read as the bot reads them), two passes: ${compared} compared, ${alarms} with an alarm on A`);
  console.log(`differences: ${differences}; largest difference of the crisis net's probability or highest: ${maxDiff}`);
  process.exitCode = differences ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
