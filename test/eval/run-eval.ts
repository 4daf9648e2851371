/**
 * `npm run eval`: runs the development set through the router and two baselines on the same
 * knowledge, and prints accuracy per intent and topic, confusions, the headline figures and
 * the router's decision latency. Exit status 1 when a target is missed.
 */
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../../src/config';
import { loadValidatedKnowledge } from '../../src/knowledge';
import { Router } from '../../src/understanding';
import { fuseBaseline, nlpjsBaseline, type Baseline } from './baselines';
import { loadDevSet } from './dataset';
import { score, type Figures, type Prediction } from './metrics';
import { runSafetyEval } from './safety-eval';

const TARGETS = { faqTop1: 0.9, wrongAnswerRate: 0.03, outOfScopeAnswered: 0.05, emergencyRecall: 1, falseAlarmRate: 0.01 };

function fromLabel(label: string | undefined): Prediction {
  if (!label) return { intent: 'none', topic: null };
  if (label.startsWith('intent:')) return { intent: label.slice(7), topic: null };
  return { intent: 'faq', topic: label };
}

async function runBaseline(b: Baseline, texts: string[]): Promise<Prediction[]> {
  const out: Prediction[] = [];
  for (const t of texts) out.push(fromLabel(await b.classify(t)));
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const kb = loadValidatedKnowledge(config.knowledgeDir);
  const router = new Router(kb, { thresholds: config.router, maxChars: config.maxMessageChars });
  // As the server does after it starts listening, so the latency is not JIT compilation.
  await router.warmUp();
  const examples = loadDevSet();
  const latencies: number[] = [];
  const ours: Prediction[] = examples.map((ex) => {
    const start = performance.now();
    const d = router.route(ex.text, { locale: ex.locale });
    latencies.push(performance.now() - start);
    return { intent: d.intent, topic: d.topic, candidates: d.candidates.map((c) => c.topic) };
  });
  const texts = examples.map((e) => e.text);
  const baselines = [fuseBaseline(kb), await nlpjsBaseline(kb)];
  const results: [string, Figures][] = [['fysio-assistent', score(examples, ours)]];
  for (const b of baselines) results.push([b.name, score(examples, await runBaseline(b, texts))]);

  const mine = results[0][1];
  console.log(`Development set: ${examples.length} messages (${examples.filter((e) => e.intent === 'faq').length} FAQ)\n`);
  console.log('Per intent (ours):');
  for (const [intent, a] of Object.entries(mine.intentAccuracy)) console.log(`  ${intent.padEnd(16)} ${pct(a.correct / a.total).padStart(8)}  (${a.correct}/${a.total})`);
  console.log('\nPer topic (ours, answered right first time):');
  for (const [topic, a] of Object.entries(mine.topicAccuracy).sort((x, y) => x[1].correct / x[1].total - y[1].correct / y[1].total)) {
    console.log(`  ${topic.padEnd(24)} ${pct(a.correct / a.total).padStart(8)}  (${a.correct}/${a.total})`);
  }
  console.log('\nMost frequent confusions (ours; expected → decided):');
  for (const [k, n] of [...mine.confusions].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${String(n).padStart(3)}  ${k}`);

  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  const rows: [string, (f: Figures) => string, keyof typeof TARGETS | null][] = [
    ['FAQ top-1', (f) => pct(f.faqTop1), 'faqTop1'],
    ['wrong answers', (f) => pct(f.wrongAnswerRate), 'wrongAnswerRate'],
    ['clarify rate', (f) => pct(f.clarifyRate), null],
    ['  right topic among choices', (f) => pct(f.clarifyHitRate), null],
    ['no match', (f) => pct(f.noMatchRate), null],
    ['out-of-scope answered', (f) => pct(f.outOfScopeAnswered), 'outOfScopeAnswered'],
    ['emergency recall', (f) => pct(f.emergencyRecall), 'emergencyRecall'],
    ['false alarms', (f) => pct(f.falseAlarmRate), 'falseAlarmRate'],
  ];
  console.log('\n' + ['figure'.padEnd(30), ...results.map(([n]) => n.padStart(20)), 'target'.padStart(10)].join(''));
  for (const [label, fmt, target] of rows) {
    const t = target ? (target === 'faqTop1' || target === 'emergencyRecall' ? '≥ ' : '≤ ') + pct(TARGETS[target]) : '';
    console.log([label.padEnd(30), ...results.map(([, f]) => fmt(f).padStart(20)), t.padStart(10)].join(''));
  }
  console.log(`\nDecision latency (ours): p50 ${q(0.5).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms`);

  const missed: string[] = [];
  if (mine.faqTop1 < TARGETS.faqTop1) missed.push('FAQ top-1');
  if (mine.wrongAnswerRate > TARGETS.wrongAnswerRate) missed.push('wrong answers');
  if (mine.outOfScopeAnswered > TARGETS.outOfScopeAnswered) missed.push('out-of-scope answered');
  if (mine.emergencyRecall < TARGETS.emergencyRecall) missed.push('emergency recall');
  if (mine.falseAlarmRate > TARGETS.falseAlarmRate) missed.push('false alarms');
  console.log(missed.length ? `\nTargets missed: ${missed.join(', ')}` : '\nAll targets met.');
  if (process.env.EVAL_SHOW_ERRORS) {
    examples.forEach((ex, i) => {
      const p = ours[i];
      const ok = ex.intent === 'faq' ? p.intent === 'faq' && p.topic === ex.topic : p.intent === ex.intent;
      if (!ok) console.log(`  [${ex.intent}/${ex.topic ?? ''}] → [${p.intent}/${p.topic ?? p.candidates?.join('|') ?? ''}] ${ex.text}`);
    });
  }
  const safetyOk = runSafetyEval(kb, router);
  process.exitCode = missed.length || !safetyOk ? 1 : 0;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(2);
});
