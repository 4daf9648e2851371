import { performance } from 'node:perf_hooks';
import type { Locale } from '../../src/config';
import type { KnowledgeBase } from '../../src/knowledge';
import { Router, type RouteDecision, type RouterOptions } from '../../src/understanding';
import { median, round, summarize, type LatencySummary } from './Percentiles';

/** A message to route, optionally with the topic it was written for. */
export interface RoutingMessage {
  text: string;
  locale: Locale;
  topic?: string;
}

/** What one knowledge base measured. */
export interface RoutingFigures {
  name: string;
  topics: number;
  messages: number;
  /** Router constructor (index build), median of the builds made. */
  buildMs: number;
  buildRunsMs: number[];
  /** False when only one router could be built in time: the "fresh" pass then ran on a router warmed with other messages. */
  freshRouter: boolean;
  /** A fresh router (caches empty, JIT warm) seeing each message once: what a server sees. */
  cold: LatencySummary;
  coldDecisionsPerSecond: number;
  /** The same router routing the messages again and again (typo and stem caches filled). */
  warm: LatencySummary;
  warmDecisionsPerSecond: number;
  /** Share of messages with a known topic that were answered with it. */
  answeredRight?: number;
  /** Share of messages with a known topic that got it as the answer or among the choices. */
  foundRight?: number;
}

/** How long and how often to measure. */
export interface RoutingBenchmarkOptions {
  /** Routers to build (at least 2 when time allows: one to warm up the JIT, one to measure fresh). */
  buildRuns: number;
  /** No further builds once the builds so far took this long (at least one is made). */
  buildBudgetMs?: number;
  /** Minimum time spent on warm passes (at least one pass). */
  warmSeconds: number;
  /** Messages that warm up the JIT before measuring; default: the measured messages. */
  warmUpMessages?: RoutingMessage[];
  /** Told about each build, for progress output. */
  onBuild?: (ms: number) => void;
}

/**
 * Measures `Router` on one knowledge base: index build time, then decision latency and
 * throughput over the messages, first on a fresh router and then on a warm one. The first router
 * built routes the warm-up messages before that, so the cold figures are not JIT warm-up.
 */
export async function benchmarkRouting(
  name: string,
  kb: KnowledgeBase,
  messages: RoutingMessage[],
  routerOptions: RouterOptions,
  options: RoutingBenchmarkOptions,
): Promise<RoutingFigures> {
  const builds: number[] = [];
  let router: Router | undefined;
  const budget = options.buildBudgetMs ?? Infinity;
  for (let i = 0; i < Math.max(1, options.buildRuns); i++) {
    if (i > 0 && builds.reduce((a, b) => a + b, 0) > budget) break;
    const start = performance.now();
    router = new Router(kb, routerOptions);
    builds.push(performance.now() - start);
    options.onBuild?.(builds[i]);
    // The first router warms up the JIT, so that later figures are not compilation.
    if (i === 0) for (const m of options.warmUpMessages ?? messages) router.route(m.text, { locale: m.locale });
  }
  const fresh = router!;
  // As the server does once it listens: the router's own warm-up on its phrasings.
  await fresh.warmUp();

  let answered = 0;
  let found = 0;
  const cold = timePass(fresh, messages, (m, d) => {
    if (!m.topic) return;
    if (d.intent === 'faq' && d.topic === m.topic) answered += 1;
    if (d.topic === m.topic || d.candidates.some((c) => c.topic === m.topic)) found += 1;
  });
  const coldTotal = cold.reduce((s, d) => s + d, 0);

  const warm: number[] = [];
  const deadline = performance.now() + options.warmSeconds * 1000;
  let warmTotal = 0;
  do {
    const pass = timePass(fresh, messages);
    warm.push(...pass);
    warmTotal += pass.reduce((s, d) => s + d, 0);
  } while (performance.now() < deadline);

  const labelled = messages.filter((m) => m.topic);

  return {
    name,
    topics: kb.topics.size,
    messages: messages.length,
    buildMs: round(median(builds), 1),
    buildRunsMs: builds.map((b) => round(b, 1)),
    freshRouter: builds.length > 1,
    cold: roundSummary(summarize(cold)),
    coldDecisionsPerSecond: Math.round(cold.length / (coldTotal / 1000)),
    warm: roundSummary(summarize(warm)),
    warmDecisionsPerSecond: Math.round(warm.length / (warmTotal / 1000)),
    ...(labelled.length ? { answeredRight: round(answered / labelled.length, 3), foundRight: round(found / labelled.length, 3) } : {}),
  };
}

function timePass(router: Router, messages: RoutingMessage[], seen?: (m: RoutingMessage, d: RouteDecision) => void): number[] {
  const out = new Array<number>(messages.length);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    const start = performance.now();
    const d = router.route(m.text, { locale: m.locale });
    out[i] = performance.now() - start;
    seen?.(m, d);
  }
  return out;
}

function roundSummary(s: LatencySummary): LatencySummary {
  return { count: s.count, p50Ms: round(s.p50Ms, 3), p99Ms: round(s.p99Ms, 3), maxMs: round(s.maxMs, 3), meanMs: round(s.meanMs, 3) };
}
