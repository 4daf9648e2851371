/**
 * `npm run eval:crisis-net`: leave-one-set-out figures for the learned crisis net. Each used
 * red-flag set is held out in turn: the net is trained on the other sets' groups of
 * `crisis-examples.yaml` (plus `own`, the FAQ and intent phrasings minus a held-out share of the
 * topics) and scores the held-out set. Reported per threshold: crisis recall of the rules alone
 * and of rules + net, and false alarms on ordinary questions (the held-out set's, the held-out
 * topics' FAQ phrasings, the two routing sets'). The frozen test set is not read.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { parseConfig } from '../../src/config';
import { loadValidatedKnowledge, type KnowledgeBase } from '../../src/knowledge';
import type { EmergencyData } from '../../src/knowledge/types';
import { CRISIS_NET_DEFAULTS, CrisisNet, crisisTrainingTexts, plainWordsOf, type CrisisNetOptions } from '../../src/safety/CrisisNet';
import { RedFlagDetector } from '../../src/safety/RedFlagDetector';
import { Router } from '../../src/understanding/Router';
import { SAFETY_SETS_DIR } from './dataset';
import { loadSafetyTable } from './safety-eval';

const HERE = __dirname;
/**
 * The used sets, by their group name in crisis-examples.yaml: the first four are kept in
 * `knowledge/safety-sets/` (the examples file names them), the later ones' groups hold our own
 * wordings and their sets stay in test/eval.
 */
const SETS: Record<string, string> = {
  'redflags-dev': join(SAFETY_SETS_DIR, 'redflags-dev.jsonl'),
  'redflags-audit': join(SAFETY_SETS_DIR, 'redflags-audit.jsonl'),
  'redflags-audit2': join(SAFETY_SETS_DIR, 'redflags-audit2.jsonl'),
  'redflags-audit3': join(SAFETY_SETS_DIR, 'redflags-audit3.jsonl'),
  'redflags-audit4': join(HERE, 'audit4', 'redflags-audit4.jsonl'),
  'redflags-audit5': join(HERE, 'audit5', 'redflags-audit5.jsonl'),
  'redflags-audit6': join(HERE, 'audit6', 'redflags-audit6.jsonl'),
  'redflags-audit7': join(HERE, 'audit7', 'redflags-audit7.jsonl'),
};
const ROUTING = [join(HERE, 'audit', 'routing-audit.jsonl'), join(HERE, 'audit2', 'routing-audit2.jsonl')];
const THRESHOLDS = [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97];

/**
 * The commit that added each blind set: the rules as they were before anyone saw it. Scoring the
 * held-out set with those rules is the honest "rules alone" figure; today's rules were tuned on it.
 */
const BLIND_COMMITS: Record<string, string> = { 'redflags-audit': '700049f', 'redflags-audit2': '680419e', 'redflags-audit3': 'bfc6d1e', 'redflags-audit4': 'e2cfa5b', 'redflags-audit5': '34e946d', 'redflags-audit6': '1d9598f', 'redflags-audit7': 'cab3257' };

/** The detector of the rules (emergency.yaml, language.yaml) at a commit, on today's other content. */
function rulesAt(commit: string, kbDir: string, router: Router, today: EmergencyData): RedFlagDetector | undefined {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'crisis-cv-'));
    cpSync(kbDir, dir, { recursive: true });
    for (const file of ['emergency.yaml', 'language.yaml']) writeFileSync(join(dir, file), execFileSync('git', ['show', `${commit}:knowledge/${file}`], { encoding: 'utf8' }));
    // The sentence words lived in the detector's code then (the same words): today's are added;
    // a list added later (answersNo, round 7) is taken from today's, the others stay as they were.
    const then = load(readFileSync(join(dir, 'emergency.yaml'), 'utf8')) as Record<string, unknown>;
    const words = { ...today.sentenceWords, ...((then.sentenceWords as object | undefined) ?? {}) };
    writeFileSync(join(dir, 'emergency.yaml'), dump({ ...then, sentenceWords: words }));
    const old = loadValidatedKnowledge(dir);
    rmSync(dir, { recursive: true, force: true });
    return new RedFlagDetector(old.emergency, old.language, router.normalizer);
  } catch (err) {
    console.log(`  (rules at ${commit} not loadable: ${(err as Error).message.split('\n')[0]})`);
    return undefined;
  }
}

interface Scored {
  text: string;
  crisis: boolean;
  ordinary: boolean;
  ruled: boolean;
  /** Caught by the rules as they were before the set was written (blind), when known. */
  blind?: boolean;
  p: number;
}

function routingOrdinary(): string[] {
  return ROUTING.flatMap((f) => loadSafetyTable(f).filter((e) => e.tier === 'none').map((e) => e.text));
}

/** Runs the folds; returns per fold the scored held-out messages, FAQ phrasings and routing questions. */
export function crossValidate(kb: KnowledgeBase, router: Router, kbDir: string, options: CrisisNetOptions = CRISIS_NET_DEFAULTS): { name: string; set: Scored[]; faq: Scored[]; routing: Scored[] }[] {
  const examples = kb.crisisExamples;
  if (!examples) throw new Error('knowledge has no crisis-examples.yaml');
  const rules = new RedFlagDetector(kb.emergency, kb.language, router.normalizer);
  const topicIds = [...kb.topics.keys()].sort();
  const routing = routingOrdinary();
  return Object.entries(SETS).map(([name, file], fold) => {
    const heldTopics = new Set(topicIds.filter((_, i) => i % Object.keys(SETS).length === fold));
    const reduced: KnowledgeBase = { ...kb, topics: new Map([...kb.topics].filter(([id]) => !heldTopics.has(id))) };
    const { crisis, other, phrasings } = crisisTrainingTexts(reduced, examples, new Set([name]));
    const net = CrisisNet.train(router.normalizer, crisis, other, examples.threshold, options, plainWordsOf(kb), phrasings);
    const blindRules = BLIND_COMMITS[name] ? rulesAt(BLIND_COMMITS[name], kbDir, router, kb.emergency) : undefined;
    const score = (text: string, isCrisis: boolean, ordinary: boolean): Scored => ({
      text, crisis: isCrisis, ordinary, ruled: rules.detect(text) !== undefined, blind: blindRules ? blindRules.detect(text) !== undefined : undefined, p: net.highest(text),
    });
    const set = loadSafetyTable(file).map((e) => score(e.text, e.tier === 'crisis', e.tier === 'none'));
    const faq = [...heldTopics].flatMap((id) => Object.values(kb.topics.get(id)!.locales).flatMap((l) => l?.phrasings ?? [])).map((t) => score(t, false, true));
    return { name, set, faq, routing: routing.map((t) => score(t, false, true)) };
  });
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '-');

if (require.main === module) {
  const config = parseConfig(process.env);
  const kb = loadValidatedKnowledge(config.knowledgeDir);
  const router = new Router(kb, { thresholds: config.router, maxChars: config.maxMessageChars });
  const folds = crossValidate(kb, router, config.knowledgeDir);
  console.log('Leave-one-set-out, crisis tier (the net is asked only when no rule fired):');
  for (const f of folds) {
    const crisis = f.set.filter((s) => s.crisis);
    console.log(`  ${f.name}: rules alone ${pct(crisis.filter((s) => s.ruled).length, crisis.length)} (${crisis.filter((s) => s.ruled).length}/${crisis.length}); rules false alarms ${f.set.filter((s) => s.ordinary && s.ruled).length}/${f.set.filter((s) => s.ordinary).length}`);
  }
  console.log('Blind: the rules as they were before each set was written, alone and with the net of that fold:');
  for (const f of folds.filter((x) => x.set.some((s) => s.blind !== undefined))) {
    const crisis = f.set.filter((s) => s.crisis);
    const ord = f.set.filter((s) => s.ordinary);
    for (const t of [0.7, 0.75, 0.8, 0.85, 0.9]) console.log(`  ${f.name}: rules ${pct(crisis.filter((s) => s.blind).length, crisis.length)} (${crisis.filter((s) => s.blind).length}/${crisis.length}), rules + net (t=${t}) ${pct(crisis.filter((s) => s.blind || s.p >= t).length, crisis.length)} (${crisis.filter((s) => s.blind || s.p >= t).length}/${crisis.length}); false alarms on its ordinary messages: rules ${ord.filter((s) => s.blind).length}/${ord.length}, rules + net ${ord.filter((s) => s.blind || s.p >= t).length}/${ord.length}`);
  }
  for (const t of THRESHOLDS) {
    const parts: string[] = [];
    let fa = 0;
    let ord = 0;
    let caught = 0;
    let total = 0;
    let faqFa = 0;
    let faqN = 0;
    let routeFa = 0;
    let routeN = 0;
    for (const f of folds) {
      const crisis = f.set.filter((s) => s.crisis);
      const c = crisis.filter((s) => s.ruled || s.p >= t).length;
      caught += c;
      total += crisis.length;
      const netAlarms = f.set.filter((s) => s.ordinary && !s.ruled && s.p >= t).length;
      fa += netAlarms;
      ord += f.set.filter((s) => s.ordinary).length;
      faqFa += f.faq.filter((s) => !s.ruled && s.p >= t).length;
      faqN += f.faq.length;
      routeFa += f.routing.filter((s) => !s.ruled && s.p >= t).length;
      routeN += f.routing.length;
      parts.push(`${f.name.replace('redflags-', '')} ${c}/${crisis.length} (net alone ${crisis.filter((s) => s.p >= t).length})`);
    }
    const blind = folds.filter((f) => f.set.some((s) => s.blind !== undefined));
    const blindCaught = blind.reduce((n, f) => n + f.set.filter((s) => s.crisis && (s.blind || s.p >= t)).length, 0);
    const blindTotal = blind.reduce((n, f) => n + f.set.filter((s) => s.crisis).length, 0);
    const blindAlarms = blind.reduce((n, f) => n + f.set.filter((s) => s.ordinary && (s.blind || s.p >= t)).length, 0);
    const alone = folds.reduce((n, f) => n + f.set.filter((s) => s.crisis && s.p >= t).length, 0);
    // The figures to compare nets by: the blind sets' rules of their time plus each fold's net, the net alone.
    console.log(`  t=${t.toFixed(2)} summary: blind rules + net ${blindCaught}/${blindTotal} crisis, ${blindAlarms} false alarms; net alone ${alone}/${total}; net's extra false alarms ${fa + faqFa + routeFa}`);
    console.log(`  t=${t.toFixed(2)} rules+net crisis ${pct(caught, total)} [${parts.join(', ')}]; net's extra false alarms: sets ${fa}/${ord}, FAQ ${faqFa}/${faqN}, routing ${pct(routeFa, routeN)} ${routeFa}/${routeN} (${pct(fa + faqFa + routeFa, ord + faqN + routeN)} of all ordinary)`);
  }
  if (process.env.EVAL_SHOW_ERRORS) {
    const t = kb.crisisExamples!.threshold;
    for (const f of folds) {
      for (const s of [...f.set, ...f.faq, ...f.routing]) {
        if (s.ordinary && !s.ruled && s.p >= t) console.log(`    false alarm ${f.name} p=${s.p.toFixed(2)} ${s.text}`);
        if (s.crisis && !s.ruled && s.p < t) console.log(`    missed ${f.name} p=${s.p.toFixed(2)} ${s.text}`);
      }
    }
  }
}
