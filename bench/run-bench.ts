/**
 * `npm run bench`: how fast and how big fysio-assistent is, against the floor of its own
 * framework. Builds dist/, times start-up, drives the real server and a bare botbuilder echo bot
 * (both child processes on 127.0.0.1) with autocannon (FAQ questions over many conversations,
 * booking dialogs turn by turn, at 1, 10 and 50 connections), repeats the load on PostgreSQL
 * when DATABASE_URL is set, and measures the router on our knowledge base and on synthetic ones
 * of 500 and 5,000 topics. Prints a table and writes bench/results.json. See bench/README.md.
 *
 * Settings (environment): BENCH_SECONDS (per load run, default 10), BENCH_CONNECTIONS
 * (default 1,10,50), BENCH_SKIP_BUILD=1 (use dist/ as it is), BENCH_START=ts-node (load the
 * ts-node start instead of dist/), BENCH_CPU_PROF=<dir> (servers run with --cpu-prof),
 * BENCH_STRICT=1 (exit status 1 when a target is missed), BENCH_BUDGET_SECONDS (default 570: the
 * routing benchmark gets what is left and stops an index build that does not finish),
 * BENCH_PARTS (default webchat,startup,load,postgres,routing: run fewer, e.g. to profile one),
 * BENCH_WEBCHAT_ROUNDS (default 5: page loads in throttled Chromium, each with a first and a return visit),
 * BENCH_RESULTS_FILE (default bench/results.json), BENCH_PAIRED_ROUNDS (default 5) and
 * BENCH_PAIRED_SECONDS (default 4): the paired rounds the headline ratios come from,
 * DATABASE_URL (adds the PostgreSQL runs).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDevSet } from '../test/eval/dataset';
import {
  benchDatabase, BOOKING_SCRIPT, bookingRequests, buildDist, CalendarKeeper, ChildServer, compileEchoBot,
  describeTarget, echoSpec, faqRequests, formatTable, fysioSpec, freePort, median, meets, preflightBooking,
  round, runLoad as runAutocannon, runRoutingWorker, summarizeCpuProfile, TARGETS, type BookingPreflight, type BuildOutcome, type ChildServerSpec, type FaqQuestion,
  type HotFunction, type LoadFigures, type RequestsFactory, type RoutingOutcome, type StartMode, type TableRow, type TargetName,
  measureWebChat, PHONE, type WebChatFigures,
} from './lib';
import { webAssets } from '../src/channels/web/WebAssets';

const ROOT = resolve(__dirname, '..');
const WARM_UP_SECONDS = 3;
const RATIO_CONNECTIONS = 10;

const PARTS = ['webchat', 'startup', 'load', 'postgres', 'routing'] as const;
type Part = (typeof PARTS)[number];

interface Settings {
  seconds: number;
  /** The whole run should end within this; the routing benchmark gets what is left. */
  budgetSeconds: number;
  /** Which parts to run (all by default); fewer for profiling one of them. */
  parts: Set<Part>;
  connections: number[];
  skipBuild: boolean;
  startMode?: StartMode;
  cpuProfDir?: string;
  databaseUrl?: string;
  /** Paired rounds for the headline ratios, and seconds per run in each. */
  pairedRounds: number;
  pairedSeconds: number;
  /** Chat page loads in throttled Chromium. */
  webChatRounds: number;
}

function readSettings(env: NodeJS.ProcessEnv): Settings {
  const seconds = Number(env.BENCH_SECONDS ?? 10);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) throw new Error('BENCH_SECONDS: expected a number of seconds from 1 to 120');
  const connections = (env.BENCH_CONNECTIONS ?? '1,10,50').split(',').map((c) => Number(c.trim()));
  if (!connections.length || connections.some((c) => !Number.isInteger(c) || c < 1 || c > 500)) {
    throw new Error('BENCH_CONNECTIONS: expected whole numbers from 1 to 500, e.g. 1,10,50');
  }
  const startMode = env.BENCH_START;
  if (startMode !== undefined && startMode !== 'dist' && startMode !== 'ts-node') throw new Error('BENCH_START: expected dist or ts-node');
  const budgetSeconds = Number(env.BENCH_BUDGET_SECONDS ?? 570);
  if (!Number.isFinite(budgetSeconds) || budgetSeconds < 60) throw new Error('BENCH_BUDGET_SECONDS: expected a number of seconds, at least 60');
  const pairedRounds = Number(env.BENCH_PAIRED_ROUNDS ?? 5);
  if (!Number.isInteger(pairedRounds) || pairedRounds < 1 || pairedRounds > 50) throw new Error('BENCH_PAIRED_ROUNDS: expected a whole number from 1 to 50');
  const pairedSeconds = Number(env.BENCH_PAIRED_SECONDS ?? 4);
  if (!Number.isFinite(pairedSeconds) || pairedSeconds < 1 || pairedSeconds > 60) throw new Error('BENCH_PAIRED_SECONDS: expected a number of seconds from 1 to 60');
  const webChatRounds = Number(env.BENCH_WEBCHAT_ROUNDS ?? 5);
  if (!Number.isInteger(webChatRounds) || webChatRounds < 1 || webChatRounds > 50) throw new Error('BENCH_WEBCHAT_ROUNDS: expected a whole number from 1 to 50');
  const parts = (env.BENCH_PARTS ?? PARTS.join(',')).split(',').map((p) => p.trim());
  const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`BENCH_PARTS: expected some of ${PARTS.join(',')}, got ${unknown.join(',')}`);
  return {
    seconds,
    budgetSeconds,
    parts: new Set(parts as Part[]),
    connections,
    skipBuild: env.BENCH_SKIP_BUILD === '1' || env.BENCH_SKIP_BUILD === 'true',
    startMode,
    cpuProfDir: env.BENCH_CPU_PROF ? resolve(env.BENCH_CPU_PROF) : undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    pairedRounds,
    pairedSeconds,
    webChatRounds,
  };
}

const t0 = performance.now();
function progress(message: string): void {
  const s = Math.round((performance.now() - t0) / 1000);
  process.stderr.write(`[bench ${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${message}\n`);
}

/** Servers started by this run, so that a failure or Ctrl-C never leaves one behind. */
const live = new Set<ChildServer>();
async function startServer(spec: ChildServerSpec): Promise<{ server: ChildServer; readyMs: number }> {
  const server = new ChildServer(spec);
  live.add(server);
  const readyMs = await server.start();
  return { server, readyMs };
}
async function stopServer(server: ChildServer): Promise<void> {
  await server.stop();
  live.delete(server);
}

interface StartupFigures {
  name: string;
  readyMs: number[];
  readyMedianMs: number;
  rssAfterStartMb: number[];
}

/**
 * Starts each server `rounds` times, taking turns (A, B, C, A, B, C…), so that a slow spell of
 * the machine falls on all of them alike rather than on one.
 */
async function measureStartups(servers: { name: string; makeSpec: (port: number) => ChildServerSpec }[], rounds: number): Promise<StartupFigures[]> {
  const figures = servers.map((x) => ({ name: x.name, readyMs: [] as number[], rss: [] as number[] }));
  for (let i = 0; i < rounds; i++) {
    for (const [k, x] of servers.entries()) {
      const { server, readyMs: ms } = await startServer(x.makeSpec(await freePort()));
      figures[k].readyMs.push(round(ms, 0));
      figures[k].rss.push(round(server.rssMb(), 1));
      await stopServer(server);
    }
  }
  return figures.map(({ name, readyMs, rss }) => {
    progress(`start-up ${name}: ready ${readyMs.join(' / ')} ms, RSS ${rss.join(' / ')} MB`);
    return { name, readyMs, readyMedianMs: round(median(readyMs), 0), rssAfterStartMb: rss };
  });
}

interface SuiteFigures {
  name: string;
  /** Bookings the load confirmed (the calendar keeper's count), with its failed sweeps. */
  calendar?: { bookingsConfirmed: number; bookingTurns: number; failedSweeps: number; lastError?: string };
  rssAfterStartMb: number;
  rssAfterLoadMb: number;
  preflight?: BookingPreflight;
  warmUps: LoadFigures[];
  runs: LoadFigures[];
  profile?: { file: string; totalMs: number; hot: HotFunction[] };
}

/** Warm-up (and `afterWarmUp`), then every scenario at every connection count, against one running server. */
async function loadSuite(
  server: ChildServer,
  target: string,
  scenarios: { name: string; requests: RequestsFactory }[],
  s: Settings,
  withPreflight: boolean,
  afterWarmUp?: () => Promise<LoadFigures[]>,
): Promise<SuiteFigures> {
  const rssAfterStartMb = round(server.rssMb(), 1);
  const preflight = withPreflight ? await preflightBooking(server.base, `preflight-${Date.now()}`) : undefined;
  if (preflight) progress(`${target}: booking script ${preflight.ok ? 'in step' : 'OUT OF STEP: ' + preflight.problems.join('; ')}`);
  const warmUps: LoadFigures[] = [];
  for (const sc of scenarios) warmUps.push(await runLoad(server, target, sc.name, sc.requests, RATIO_CONNECTIONS, WARM_UP_SECONDS));
  // Runs that count like warm-ups (errors) but are not table rows: the paired rounds.
  if (afterWarmUp) warmUps.push(...(await afterWarmUp()));
  const runs: LoadFigures[] = [];
  for (const sc of scenarios) {
    for (const c of s.connections) {
      const r = await runLoad(server, target, sc.name, sc.requests, c, s.seconds);
      progress(`${target}: ${sc.name} @${c}: ${r.turnsPerSecond} turns/s, p50 ${r.latencyP50Ms} ms, p99 ${r.latencyP99Ms} ms, ` +
        `${r.errors} errors, server CPU ${r.serverCpuMsPerTurn ?? '?'} ms/turn (${Math.round((r.serverCpuShare ?? 0) * 100)} % of a core)`);
      for (const e of r.examples) progress(`  ${e}`);
      runs.push(r);
    }
  }
  return { name: target, rssAfterStartMb, rssAfterLoadMb: round(server.rssMb(), 1), preflight, warmUps, runs };
}

async function runLoad(server: ChildServer, target: string, scenario: string, requests: RequestsFactory, connections: number, seconds: number): Promise<LoadFigures> {
  if (!server.running) throw new Error(`${target} is no longer running:\n${server.recentOutput}`);
  const cpuBefore = server.cpuMs();
  const figures = await runAutocannon(target, scenario, server.base, requests, connections, seconds);
  if (!server.running) throw new Error(`${target} stopped during the ${scenario} load:\n${server.recentOutput}`);
  const cpu = server.cpuMs() - cpuBefore;
  if (figures.turns) figures.serverCpuMsPerTurn = round(cpu / figures.turns, 3);
  figures.serverCpuShare = round(cpu / (figures.seconds * 1000), 2);
  return figures;
}

/** Stops a server; with BENCH_CPU_PROF, reads the profile it wrote on exit. */
async function finish(server: ChildServer, suite: SuiteFigures, s: Settings): Promise<void> {
  const before = s.cpuProfDir ? new Set(readdirSync(s.cpuProfDir)) : new Set<string>();
  await stopServer(server);
  if (!s.cpuProfDir) return;
  const written = readdirSync(s.cpuProfDir).filter((f) => f.endsWith('.cpuprofile') && !before.has(f));
  if (!written.length) return;
  const file = join(s.cpuProfDir, written[0]);
  const renamed = join(s.cpuProfDir, `${suite.name.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}.cpuprofile`);
  rmSync(renamed, { force: true });
  renameSync(file, renamed);
  suite.profile = { file: renamed, ...summarizeCpuProfile(renamed, ROOT, 15) };
}

/** What the calendar keeper counted, against the booking turns run. */
function calendarFigures(calendar: CalendarKeeper, suite: SuiteFigures): NonNullable<SuiteFigures['calendar']> {
  const bookingTurns = [...suite.warmUps, ...suite.runs].filter((r) => r.scenario === 'booking').reduce((n, r) => n + r.turns, 0);
  const figures = { bookingsConfirmed: calendar.removed, bookingTurns, failedSweeps: calendar.failures, ...(calendar.lastError ? { lastError: calendar.lastError } : {}) };
  progress(`${suite.name}: ${figures.bookingsConfirmed} bookings confirmed in ${bookingTurns} booking turns ` +
    `(${round(bookingTurns / Math.max(1, figures.bookingsConfirmed), 1)} turns a booking; the script has ${BOOKING_SCRIPT.length})` +
    `${figures.failedSweeps ? `; ${figures.failedSweeps} calendar sweeps failed: ${figures.lastError}` : ''}`);
  return figures;
}

/** The headline ratios from paired rounds: see {@link pairedRatios}. */
interface PairedFigures {
  rounds: { faq: LoadFigures; echo: LoadFigures; booking: LoadFigures; floor: LoadFigures; faqRatio: number; bookingRatio: number; floorRatio: number }[];
  faqToEchoRatio: number;
  bookingToEchoRatio: number;
  dialogFloorToEchoRatio: number;
}

/**
 * The ratios to the echo bot, measured so that a slow spell of the machine falls on both sides:
 * with both servers running (the idle one costs nothing), each round runs our FAQ load, the echo
 * bot's and our booking load one right after the other at the ratio's connection count, in
 * alternating order, and the headline is the median over the rounds of each round's own ratio.
 * On this virtual machine, whose host takes CPU time away for a minute at a time, the ratio of
 * two runs a minute apart moved by a third between runs; within a round it moves far less.
 * The echo bot with state and dialogs runs the FAQ load in the same rounds: what any
 * botbuilder-dialogs bot pays before it understands a word, measured against the same echo.
 */
async function pairedRatios(
  oursServer: ChildServer, echoServer: ChildServer, floorServer: ChildServer, faq: { name: string; requests: RequestsFactory }, booking: { name: string; requests: RequestsFactory }, s: Settings,
): Promise<PairedFigures> {
  const rounds: PairedFigures['rounds'] = [];
  const c = RATIO_CONNECTIONS;
  for (let i = 0; i < s.pairedRounds; i++) {
    const runs: Record<'faq' | 'echo' | 'booking' | 'floor', () => Promise<LoadFigures>> = {
      faq: () => runLoad(oursServer, oursServer.spec.name, faq.name, faq.requests, c, s.pairedSeconds),
      echo: () => runLoad(echoServer, echoServer.spec.name, faq.name, faq.requests, c, s.pairedSeconds),
      booking: () => runLoad(oursServer, oursServer.spec.name, booking.name, booking.requests, c, s.pairedSeconds),
      floor: () => runLoad(floorServer, floorServer.spec.name, faq.name, faq.requests, c, s.pairedSeconds),
    };
    const order = (i % 2 === 0 ? ['faq', 'echo', 'booking', 'floor'] : ['floor', 'booking', 'echo', 'faq']) as (keyof typeof runs)[];
    const got: Partial<Record<keyof typeof runs, LoadFigures>> = {};
    for (const k of order) got[k] = await runs[k]();
    const { faq: f, echo: e, booking: b, floor: d } = got as Record<keyof typeof runs, LoadFigures>;
    const round3 = (x: number) => round(x, 3);
    const r = {
      faq: f, echo: e, booking: b, floor: d,
      faqRatio: round3(f.turnsPerSecond / e.turnsPerSecond),
      bookingRatio: round3(b.turnsPerSecond / e.turnsPerSecond),
      floorRatio: round3(d.turnsPerSecond / e.turnsPerSecond),
    };
    progress(`paired round ${i + 1}/${s.pairedRounds}: FAQ ${f.turnsPerSecond}, echo ${e.turnsPerSecond}, booking ${b.turnsPerSecond}, ` +
      `echo with state and dialogs ${d.turnsPerSecond} turns/s → FAQ ÷ echo ${r.faqRatio}, booking ÷ echo ${r.bookingRatio}, ` +
      `with state and dialogs ÷ echo ${r.floorRatio}; ${f.errors + e.errors + b.errors + d.errors} errors`);
    rounds.push(r);
  }
  return {
    rounds,
    faqToEchoRatio: round(median(rounds.map((r) => r.faqRatio)), 3),
    bookingToEchoRatio: round(median(rounds.map((r) => r.bookingRatio)), 3),
    dialogFloorToEchoRatio: round(median(rounds.map((r) => r.floorRatio)), 3),
  };
}

/**
 * The routing benchmark, one worker process per knowledge base, within what is left of the
 * time budget; a worker still building its index when the time is up is stopped.
 */
async function routingSuite(deadline: number): Promise<RoutingOutcome[]> {
  const left = () => deadline - performance.now();
  const out: RoutingOutcome[] = [];
  for (const [which, cap] of [['ours', 120_000], ['500', 150_000], ['5000', Infinity]] as const) {
    // Whatever happened before, a worker never gets less than 30 s nor more than its cap.
    const timeout = Math.min(cap, Math.max(30_000, left() - 10_000));
    progress(`routing, ${which === 'ours' ? 'our knowledge base' : which + ' topics'} (at most ${Math.round(timeout / 1000)} s)`);
    const o = await runRoutingWorker(ROOT, which, timeout, (line) => progress(`  ${line}`));
    out.push(o);
    progress(describeOutcome(o));
  }
  return out;
}

function describeOutcome(o: RoutingOutcome): string {
  const name = o.which === 'ours' ? 'our knowledge base' : `${o.which} topics`;
  if (o.figures) return `routing, ${name}: build ${o.figures.buildMs} ms, fresh p99 ${o.figures.cold.p99Ms} ms, warm p99 ${o.figures.warm.p99Ms} ms`;
  if (o.timedOutAfterMs) return `routing, ${name}: not done after ${Math.round(o.timedOutAfterMs / 1000)} s, stopped`;
  return `routing, ${name}: failed: ${o.error}`;
}

function faqQuestions(): FaqQuestion[] {
  return loadDevSet(join(ROOT, 'test', 'eval'))
    .filter((e) => e.intent === 'faq')
    .map((e) => ({ text: e.text, locale: e.locale }));
}

function tps(runs: LoadFigures[], target: string, scenario: string, connections: number): number | undefined {
  return runs.find((r) => r.target === target && r.scenario === scenario && r.connections === connections)?.turnsPerSecond;
}

async function main(): Promise<void> {
  const s = readSettings(process.env);
  const deadline = t0 + s.budgetSeconds * 1000;
  if (s.cpuProfDir) mkdirSync(s.cpuProfDir, { recursive: true });
  const loadStart = loadavg();
  progress(`settings: ${s.seconds} s per run at ${s.connections.join(', ')} connections${s.databaseUrl ? ', PostgreSQL too' : ''}; load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}`);

  let build: BuildOutcome | undefined;
  if (!s.skipBuild) {
    progress('building dist/ (tsc -p tsconfig.build.json)');
    build = await buildDist(ROOT);
    progress(`build: ${build.ok ? 'ok' : 'tsc reported errors'} in ${build.ms} ms${build.problems.length ? ': ' + build.problems[0] : ''}`);
  }
  const distAvailable = build ? build.emitted : readdirSync(join(ROOT, 'dist', 'src')).includes('index.js');
  const mode: StartMode = s.startMode ?? (distAvailable ? 'dist' : 'ts-node');
  const echoScript = compileEchoBot(ROOT);
  cleanups.push(() => rmSync(dirname(echoScript), { recursive: true, force: true }));

  // The chat page on a phone, before any load has run: the server as a patient's first visit finds it.
  let webChat: WebChatFigures | undefined;
  if (s.parts.has('webchat')) {
    progress('web chat: compressing its files as npm run build does');
    await Promise.all(Object.values(webAssets()).map((a) => a.ready));
    const port = await freePort();
    const { server } = await startServer(fysioSpec({ root: ROOT, port, mode, name: `fysio-assistent (${mode}, web chat)` }));
    try {
      progress(`web chat: ${s.webChatRounds} page loads in Chromium, CPU ×${PHONE.cpuSlowdown}, ${PHONE.downloadBitsPerSecond / 1e6} Mbit/s, ${PHONE.latencyMs} ms`);
      webChat = await measureWebChat(`http://127.0.0.1:${port}`, s.webChatRounds);
      progress(`web chat: first message ${webChat.firstVisit.firstBotMessageMs} ms, Web Chat's ${webChat.firstVisit.webChatReadyMs} ms, ${webChat.firstVisit.transferredKb} KB`);
    } catch (err) {
      progress(`web chat: not measured (${err instanceof Error ? err.message : String(err)})`);
    } finally {
      await stopServer(server);
    }
  }

  // Start-up: the compiled start is the figure; ts-node shows what development costs.
  const startups: StartupFigures[] = [];
  if (s.parts.has('startup')) {
    startups.push(...(await measureStartups([
      ...(distAvailable ? [{ name: 'fysio-assistent (dist)', makeSpec: (port: number) => fysioSpec({ root: ROOT, port, mode: 'dist' }) }] : []),
      { name: 'echo bot (dist)', makeSpec: (port: number) => echoSpec({ root: ROOT, port, mode: 'dist', compiledScript: echoScript }) },
      {
        name: 'echo bot with state and dialogs (dist)',
        makeSpec: (port: number) => echoSpec({ root: ROOT, port, mode: 'dist', compiledScript: echoScript, dialogs: true }),
      },
    ], 5)));
    startups.push(...(await measureStartups([
      { name: 'fysio-assistent (ts-node)', makeSpec: (port: number) => fysioSpec({ root: ROOT, port, mode: 'ts-node' }) },
      { name: 'echo bot (ts-node)', makeSpec: (port: number) => echoSpec({ root: ROOT, port, mode: 'ts-node' }) },
    ], 1)));
  }

  const questions = faqQuestions();
  const tag = Date.now().toString(36);
  const faq = { name: 'faq', requests: (tally: Parameters<RequestsFactory>[0]) => faqRequests(questions, `${tag}-${Math.random().toString(36).slice(2, 7)}`, tally) };
  const booking = { name: 'booking', requests: (tally: Parameters<RequestsFactory>[0]) => bookingRequests(`${tag}-${Math.random().toString(36).slice(2, 7)}`, tally) };

  const suites: SuiteFigures[] = [];
  const ours = `fysio-assistent (${mode}, SQLite)`;
  const echoName = `echo bot (${mode})`;
  let paired: PairedFigures | undefined;
  const floorWarmUps: LoadFigures[] = [];
  const dialogFloorName = `echo bot with state and dialogs (${mode})`;
  // Started before the paired rounds, which measure it too; idle, it costs the others nothing.
  const floorServer = s.parts.has('load')
    ? (await startServer({ ...echoSpec({ root: ROOT, port: await freePort(), mode, compiledScript: echoScript, cpuProfDir: s.cpuProfDir, dialogs: true }), name: dialogFloorName })).server
    : undefined;
  if (floorServer) {
    const floor = floorServer;
    const oursSpec = fysioSpec({ root: ROOT, port: await freePort(), mode, cpuProfDir: s.cpuProfDir, name: ours });
    const { server: oursServer } = await startServer(oursSpec);
    const calendar = CalendarKeeper.for({ sqliteFile: join(oursSpec.env.DATA_DIR, 'fysio-assistent.sqlite') });
    await calendar.start();
    const { server: echoServer } = await startServer({ ...echoSpec({ root: ROOT, port: await freePort(), mode, compiledScript: echoScript, cpuProfDir: s.cpuProfDir }), name: echoName });
    const echoRssAfterStartMb = round(echoServer.rssMb(), 1);
    const echoWarmUps: LoadFigures[] = [];
    // The ratios once both are warm, before the table's runs fill our server with tens of
    // thousands of conversations.
    const suite = await loadSuite(oursServer, ours, [faq, booking], s, true, async () => {
      echoWarmUps.push(await runLoad(echoServer, echoName, faq.name, faq.requests, RATIO_CONNECTIONS, WARM_UP_SECONDS));
      floorWarmUps.push(await runLoad(floor, dialogFloorName, faq.name, faq.requests, RATIO_CONNECTIONS, WARM_UP_SECONDS));
      paired = await pairedRatios(oursServer, echoServer, floor, faq, booking, s);
      echoWarmUps.push(...paired.rounds.map((r) => r.echo));
      floorWarmUps.push(...paired.rounds.map((r) => r.floor));
      return paired.rounds.flatMap((r) => [r.faq, r.booking]);
    });
    await calendar.stop();
    suite.calendar = calendarFigures(calendar, suite);
    await finish(oursServer, suite, s);
    suites.push(suite);
    const echoSuite = await loadSuite(echoServer, echoName, [faq], s, false);
    echoSuite.rssAfterStartMb = echoRssAfterStartMb;
    echoSuite.warmUps.unshift(...echoWarmUps);
    await finish(echoServer, echoSuite, s);
    suites.push(echoSuite);
  }
  if (floorServer) {
    const suite = await loadSuite(floorServer, dialogFloorName, [faq], s, false);
    suite.warmUps.unshift(...floorWarmUps);
    await finish(floorServer, suite, s);
    suites.push(suite);
  }
  let postgres: { dedicatedDatabase: boolean } | undefined;
  const oursPg = `fysio-assistent (${mode}, PostgreSQL)`;
  if (s.databaseUrl && s.parts.has('postgres')) {
    const db = await benchDatabase(s.databaseUrl);
    postgres = { dedicatedDatabase: db.dedicated };
    progress(`PostgreSQL: ${db.dedicated ? 'a throw-away database' : 'DATABASE_URL itself (no CREATE DATABASE privilege)'}`);
    try {
      const { server } = await startServer(fysioSpec({ root: ROOT, port: await freePort(), mode, databaseUrl: db.url, cpuProfDir: s.cpuProfDir, name: oursPg }));
      // Only a database of the bench's own may be emptied.
      const calendar = db.dedicated ? CalendarKeeper.for({ postgresUrl: db.url }) : undefined;
      await calendar?.start();
      const suite = await loadSuite(server, oursPg, [faq, booking], s, true);
      if (calendar) {
        await calendar.stop();
        suite.calendar = calendarFigures(calendar, suite);
      }
      await finish(server, suite, s);
      suites.push(suite);
    } finally {
      await db.drop().catch((err: unknown) => progress(`could not drop the bench database: ${String(err)}`));
    }
  }

  const routing = s.parts.has('routing') ? await routingSuite(deadline) : [];
  const loadEnd = loadavg();
  const routeOurs = routing.find((o) => o.which === 'ours');
  const route5000 = routing.find((o) => o.which === '5000');

  // Headline figures.
  const runs = suites.flatMap((x) => x.runs);
  const allRuns = suites.flatMap((x) => [...x.warmUps, ...x.runs]);
  const ratioAt = s.connections.includes(RATIO_CONNECTIONS) ? RATIO_CONNECTIONS : s.connections[Math.floor(s.connections.length / 2)];
  const echoFaq = tps(runs, echoName, 'faq', ratioAt);
  const ratio = (x: number | undefined) => (x !== undefined && echoFaq ? round(x / echoFaq, 3) : undefined);
  const oursSuite = suites.find((x) => x.name === ours);
  const echoSuite = suites.find((x) => x.name === echoName);
  const startupOurs = startups.find((x) => x.name === `fysio-assistent (${distAvailable ? 'dist' : 'ts-node'})`);
  // The headline ratios come from the paired rounds; the table's runs, a minute apart, give them too.
  const sequential = { faq: ratio(tps(runs, ours, 'faq', ratioAt)), booking: ratio(tps(runs, ours, 'booking', ratioAt)) };
  // Assigned inside a callback, which TypeScript's narrowing does not follow.
  const pairedResult = paired as PairedFigures | undefined;
  const headline = {
    faqToEchoRatio: pairedResult?.faqToEchoRatio ?? sequential.faq,
    bookingToEchoRatio: pairedResult?.bookingToEchoRatio ?? sequential.booking,
    dialogFloorToEchoRatio: pairedResult?.dialogFloorToEchoRatio ?? ratio(tps(runs, dialogFloorName, 'faq', ratioAt)),
    routingP99Ms: routeOurs?.figures?.cold.p99Ms,
    routingP99Ms5000: route5000?.figures?.cold.p99Ms,
    indexBuildMs5000: route5000?.figures?.buildMs,
    errors: allRuns.reduce((n, r) => n + r.errors, 0),
    rssMb: oursSuite?.rssAfterLoadMb,
    echoRssMb: echoSuite?.rssAfterLoadMb,
    rssToEchoRatio: oursSuite && echoSuite ? round(oursSuite.rssAfterLoadMb / echoSuite.rssAfterLoadMb, 3) : undefined,
    readyMs: startupOurs?.readyMedianMs,
    webChatFirstMessageMs: webChat?.firstVisit.firstBotMessageMs,
    webChatReadyMs: webChat?.firstVisit.webChatReadyMs,
    webChatTransferKb: webChat?.firstVisit.transferredKb,
  };
  // A build stopped after a minute certainly missed "≤ 1 s".
  const met = (k: TargetName) => (k === 'indexBuildMs5000' && route5000?.timedOutAfterMs ? false : meets(k, headline[k]));
  const targets = Object.fromEntries(
    (Object.keys(TARGETS) as TargetName[]).map((k) => [k, { value: headline[k] ?? null, target: describeTarget(k), met: met(k) ?? null }]),
  );

  // The table.
  const rows: TableRow[] = [];
  const row = (section: string, figure: string, value: string, target?: TargetName, v?: number, unit = '') =>
    rows.push({ section, figure, value, ...(target ? { target: describeTarget(target, unit), met: meets(target, v) } : {}) });
  const E2E = 'End to end (turns/s; latency p50 / p99; errors; server CPU per turn)';
  for (const r of runs) {
    row(E2E, `${r.target}, ${r.scenario}, ${String(r.connections).padStart(2)} conn`,
      `${r.turnsPerSecond.toFixed(1).padStart(7)} t/s  ${`${r.latencyP50Ms} / ${r.latencyP99Ms} ms`.padEnd(16)} ${String(r.errors).padStart(3)} err  ${r.serverCpuMsPerTurn ?? '?'} ms CPU`);
  }
  const RATIOS = `Against the echo bot (${ratioAt} connections) and errors`;
  const roundsOf = (k: 'faqRatio' | 'bookingRatio' | 'floorRatio') => (pairedResult ? ` (median of ${pairedResult.rounds.map((r) => r[k]).join(', ')})` : '');
  row(RATIOS, 'FAQ turns/s ÷ echo, paired rounds', `${headline.faqToEchoRatio ?? 'n/a'}${roundsOf('faqRatio')}`, 'faqToEchoRatio', headline.faqToEchoRatio);
  row(RATIOS, 'booking turns/s ÷ echo, paired rounds', `${headline.bookingToEchoRatio ?? 'n/a'}${roundsOf('bookingRatio')}`, 'bookingToEchoRatio', headline.bookingToEchoRatio);
  row(RATIOS, 'FAQ / booking ÷ echo, from the table\'s runs', `${sequential.faq ?? 'n/a'} / ${sequential.booking ?? 'n/a'}`);
  row(RATIOS, 'echo with state and dialogs (in memory) ÷ echo, paired rounds', `${headline.dialogFloorToEchoRatio ?? 'n/a'}${roundsOf('floorRatio')}`);
  if (suites.some((x) => x.name === oursPg)) {
    row(RATIOS, 'FAQ turns/s ÷ echo (PostgreSQL)', String(ratio(tps(runs, oursPg, 'faq', ratioAt)) ?? 'n/a'));
    row(RATIOS, 'booking turns/s ÷ echo (PostgreSQL)', String(ratio(tps(runs, oursPg, 'booking', ratioAt)) ?? 'n/a'));
  }
  const cpuPerTurn = (target: string, scenario: string) => runs.find((r) => r.target === target && r.scenario === scenario && r.connections === ratioAt)?.serverCpuMsPerTurn;
  const echoCpu = cpuPerTurn(echoName, 'faq');
  const cpuRatio = (x: number | undefined) => (x && echoCpu ? round(echoCpu / x, 3) : undefined);
  row(RATIOS, 'echo CPU per turn ÷ ours, FAQ (less load-sensitive)', String(cpuRatio(cpuPerTurn(ours, 'faq')) ?? 'n/a'));
  row(RATIOS, 'echo CPU per turn ÷ ours, booking', String(cpuRatio(cpuPerTurn(ours, 'booking')) ?? 'n/a'));
  row(RATIOS, 'errors, whole run (incl. warm-up)', String(headline.errors), 'errors', headline.errors);
  for (const suite of suites) {
    if (suite.preflight) rows.push({ section: RATIOS, figure: `booking script in step (${suite.name})`, value: suite.preflight.ok ? 'yes' : 'no', target: 'yes', met: suite.preflight.ok });
  }
  const MEM = 'Memory and start-up';
  for (const suite of suites) {
    row(MEM, `RSS after start / after load, ${suite.name}`, `${suite.rssAfterStartMb} / ${suite.rssAfterLoadMb} MB`);
  }
  row(MEM, 'RSS after load ÷ echo', String(headline.rssToEchoRatio), 'rssToEchoRatio', headline.rssToEchoRatio);
  for (const st of startups) {
    const isHeadline = st === startupOurs;
    row(MEM, `ready (spawn → /readyz 200), ${st.name}`, `${st.readyMedianMs} ms`, isHeadline ? 'readyMs' : undefined, st.readyMedianMs, 'ms');
  }
  if (webChat) {
    const WEB = `Web chat page (Chromium, CPU ×${PHONE.cpuSlowdown}, ${PHONE.downloadBitsPerSecond / 1e6} Mbit/s down, ${PHONE.latencyMs} ms RTT; median of ${s.webChatRounds})`;
    row(WEB, 'first visit: navigation → first bot message (the page\'s own or Web Chat\'s)', `${webChat.firstVisit.firstBotMessageMs} ms`, 'webChatFirstMessageMs', webChat.firstVisit.firstBotMessageMs, 'ms');
    row(WEB, 'first visit: navigation → Web Chat\'s first bot message (can type)', `${webChat.firstVisit.webChatReadyMs} ms`);
    row(WEB, 'first visit: transferred until Web Chat\'s', `${webChat.firstVisit.transferredKb} KB`, 'webChatTransferKb', webChat.firstVisit.transferredKb, 'KB');
    row(WEB, 'return visit (files cached): first bot message / Web Chat\'s / transferred', `${webChat.returnVisit.firstBotMessageMs} ms / ${webChat.returnVisit.webChatReadyMs} ms / ${webChat.returnVisit.transferredKb} KB`);
  }
  const ROUTE = 'Routing (Router.route; "fresh" = new router, each message once)';
  for (const [i, o] of routing.entries()) {
    const r = o.figures;
    const which = o.which === 'ours' ? 'our knowledge base' : `synthetic, ${o.which} topics`;
    const name = `${which}${r ? ` (${r.messages} msgs)` : ''}`;
    const p99Target: TargetName | undefined = i === 0 ? 'routingP99Ms' : o.which === '5000' ? 'routingP99Ms5000' : undefined;
    const buildTarget: TargetName | undefined = o.which === '5000' ? 'indexBuildMs5000' : undefined;
    if (!r) {
      const why = o.timedOutAfterMs ? `not done after ${Math.round(o.timedOutAfterMs / 1000)} s` : `failed`;
      rows.push({ section: ROUTE, figure: `${name}: index build`, value: why, ...(buildTarget ? { target: describeTarget(buildTarget, 'ms'), met: false } : {}) });
      continue;
    }
    row(ROUTE, `${name}: index build`, `${r.buildMs} ms`, buildTarget, r.buildMs, 'ms');
    row(ROUTE, `${name}: fresh p50 / p99`, `${r.cold.p50Ms} / ${r.cold.p99Ms} ms`, p99Target, r.cold.p99Ms, 'ms');
    row(ROUTE, `${name}: warm p50 / p99`, `${r.warm.p50Ms} / ${r.warm.p99Ms} ms`);
    row(ROUTE, `${name}: decisions/s fresh / warm`, `${r.coldDecisionsPerSecond} / ${r.warmDecisionsPerSecond}`);
    if (r.foundRight !== undefined) row(ROUTE, `${name}: held-out questions answered / found`, `${Math.round((r.answeredRight ?? 0) * 100)} / ${Math.round(r.foundRight * 100)} %`);
  }

  const results = {
    // Every headline key is present; null means "not measured" (e.g. an index build stopped).
    ...(Object.fromEntries(Object.entries(headline).map(([k, v]) => [k, v ?? null])) as Record<keyof typeof headline, number | null>),
    targets,
    ratioConnections: ratioAt,
    pairedRounds: pairedResult
      ? pairedResult.rounds.map((r) => ({
        faq: r.faq.turnsPerSecond, echo: r.echo.turnsPerSecond, booking: r.booking.turnsPerSecond, floor: r.floor.turnsPerSecond,
        faqRatio: r.faqRatio, bookingRatio: r.bookingRatio, floorRatio: r.floorRatio,
      }))
      : null,
    sequentialRatios: sequential,
    cpuPerTurnRatios: { faq: cpuRatio(cpuPerTurn(ours, 'faq')) ?? null, booking: cpuRatio(cpuPerTurn(ours, 'booking')) ?? null },
    serverStart: mode,
    readyMsMeasuredOn: startupOurs?.name ?? null,
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((performance.now() - t0) / 1000),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      loadAverageAtStart: loadStart.map((l) => round(l, 2)),
      loadAverageAtEnd: loadEnd.map((l) => round(l, 2)),
    },
    settings: {
      seconds: s.seconds, connections: s.connections, warmUpSeconds: WARM_UP_SECONDS, pairedRounds: s.pairedRounds, pairedSeconds: s.pairedSeconds,
      parts: [...s.parts], postgres: !!s.databaseUrl,
    },
    build,
    postgres,
    webChat: webChat ?? null,
    startups,
    suites,
    routing,
    ...(route5000?.timedOutAfterMs ? { routing5000StoppedAfterMs: route5000.timedOutAfterMs } : {}),
    table: rows,
  };
  const resultsFile = process.env.BENCH_RESULTS_FILE ? resolve(process.env.BENCH_RESULTS_FILE) : join(__dirname, 'results.json');
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');

  console.log(formatTable(rows));
  const missed = Object.entries(targets).filter(([, t]) => t.met === false).map(([k]) => k);
  console.log(`\n${missed.length ? `Targets missed: ${missed.join(', ')}` : 'All targets met.'}`);
  console.log(`Load average ${loadStart.map((l) => l.toFixed(2)).join(' ')} at start, ${loadEnd.map((l) => l.toFixed(2)).join(' ')} at end (${cpus().length} CPUs); figures from a busy machine are low.`);
  console.log(`Wrote ${resultsFile} in ${results.durationSeconds} s.`);
  if (missed.length && (process.env.BENCH_STRICT === '1' || process.env.BENCH_STRICT === 'true')) process.exitCode = 1;
}

/** Things to undo at the end, whatever happened. */
const cleanups: (() => void)[] = [];

async function stopAll(): Promise<void> {
  await Promise.all([...live].map((server) => server.stop(5000)));
  for (const c of cleanups.splice(0)) c();
}

process.on('SIGINT', () => {
  void stopAll().then(() => process.exit(130));
});

main()
  .catch(async (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAll();
    // autocannon and fetch may keep sockets open for a moment; the run is over.
    setTimeout(() => process.exit(), 200).unref();
  });
