/**
 * One knowledge base of the routing benchmark, in its own process so that the bench can bound
 * its time (an index build that takes minutes is killed and reported as such) and so that a
 * 5,000-topic index does not stay in the load generator's heap.
 *
 * `node -r ts-node/register/transpile-only bench/routing-worker.ts <ours|TOPICS>` prints the
 * figures as one JSON line on stdout; progress goes to stderr.
 */
import { join, resolve } from 'node:path';
import { parseConfig } from '../src/config';
import { loadValidatedKnowledge } from '../src/knowledge';
import { loadDevSet } from '../test/eval/dataset';
import { benchmarkRouting, buildSyntheticKnowledge, loadDutchWordList, type RoutingFigures } from './lib';

const ROOT = resolve(__dirname, '..');

async function run(which: string): Promise<RoutingFigures> {
  const config = parseConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const kb = loadValidatedKnowledge(join(ROOT, config.knowledgeDir), config.practiceFile);
  const routerOptions = { thresholds: config.router, maxChars: config.maxMessageChars };
  const dev = loadDevSet(join(ROOT, 'test', 'eval')).map((e) => ({ text: e.text, locale: e.locale }));
  const onBuild = (ms: number) => process.stderr.write(`index built in ${Math.round(ms)} ms\n`);
  if (which === 'ours') {
    return benchmarkRouting('our knowledge base', kb, dev, routerOptions, { buildRuns: 5, buildBudgetMs: 20_000, warmSeconds: 3, onBuild });
  }
  const topics = Number(which);
  if (!Number.isInteger(topics) || topics < 1) throw new Error(`expected "ours" or a number of topics, got "${which}"`);
  const synthetic = buildSyntheticKnowledge(kb, topics, loadDutchWordList());
  if (topics <= 1000) {
    return benchmarkRouting('synthetic', synthetic.kb, [...dev, ...synthetic.queries], routerOptions, {
      buildRuns: 3, buildBudgetMs: 20_000, warmSeconds: 3, onBuild,
    });
  }
  // Large: route a sample, and warm up on other messages in case only one build fits.
  return benchmarkRouting('synthetic', synthetic.kb,
    [...dev.filter((_, i) => i % 3 === 0), ...synthetic.queries.filter((_, i) => i % 7 === 0)], routerOptions, {
      buildRuns: 3,
      buildBudgetMs: 10_000,
      warmSeconds: 1,
      warmUpMessages: [...dev.filter((_, i) => i % 3 === 1), ...synthetic.queries.filter((_, i) => i % 7 === 1)].slice(0, 400),
      onBuild,
    });
}

const [which = 'ours'] = process.argv.slice(2);
run(which).then(
  (figures) => process.stdout.write(JSON.stringify(figures) + '\n'),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  },
);
