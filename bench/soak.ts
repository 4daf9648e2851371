/**
 * `npm run soak` (not in CI): 200 conversations at once, mixing FAQ questions, booking dialogs
 * and requests for a person, against the real server (its own child process on 127.0.0.1) for
 * five minutes. Every reply must be a 2xx with at least one activity; prints the server's RSS
 * every minute and a summary, and exits 1 on any error.
 *
 * Settings (environment): SOAK_SECONDS (default 300), SOAK_CONVERSATIONS (default 200),
 * SOAK_THINK_MS (mean pause between a reply and the next message, default 100), SOAK_START
 * (ts-node, the default, or dist after `npm run build`), DATABASE_URL (soak on PostgreSQL; the
 * bookings stay in that database).
 */
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadDevSet } from '../test/eval/dataset';
import {
  ChildServer, freePort, fysioSpec, HttpPoster, messageActivity, replyActivities, round, SeededRandom, SoakScripts, summarize,
  type SoakKind, type StartMode,
} from './lib';

const ROOT = resolve(__dirname, '..');

interface SoakSettings {
  seconds: number;
  conversations: number;
  thinkMs: number;
  mode: StartMode;
  databaseUrl?: string;
}

function readSettings(env: NodeJS.ProcessEnv): SoakSettings {
  const num = (name: string, fallback: number, min: number, max: number) => {
    const v = Number(env[name] ?? fallback);
    if (!Number.isFinite(v) || v < min || v > max) throw new Error(`${name}: expected a number from ${min} to ${max}`);
    return v;
  };
  const mode = env.SOAK_START ?? 'ts-node';
  if (mode !== 'dist' && mode !== 'ts-node') throw new Error('SOAK_START: expected ts-node or dist');
  return {
    seconds: num('SOAK_SECONDS', 300, 5, 24 * 3600),
    conversations: num('SOAK_CONVERSATIONS', 200, 1, 2000),
    thinkMs: num('SOAK_THINK_MS', 100, 0, 60_000),
    mode,
    databaseUrl: env.DATABASE_URL || undefined,
  };
}

/** Running totals, read by the per-minute report and the summary. */
class SoakTally {
  turns = 0;
  errors = 0;
  readonly latencies: number[] = [];
  readonly conversations: Record<SoakKind, number> = { faq: 0, booking: 0, handoff: 0 };
  /** Errors by what went wrong and in which kind of conversation, with when they first happened. */
  readonly kinds = new Map<string, { count: number; firstAtS: number }>();

  fail(kind: string, atS: number): void {
    this.errors += 1;
    const k = this.kinds.get(kind) ?? { count: 0, firstAtS: Math.round(atS) };
    k.count += 1;
    this.kinds.set(kind, k);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One simulated patient: conversation after conversation until the deadline. */
async function patient(
  id: number, base: string, http: HttpPoster, scripts: SoakScripts, s: SoakSettings, deadline: number, tally: SoakTally, random: SeededRandom,
  started: number,
): Promise<void> {
  let n = 0;
  while (performance.now() < deadline) {
    const conversation = scripts.next();
    const conversationId = `soak-${id}-${++n}-${Date.now().toString(36)}`;
    let finished = true;
    for (const [turn, text] of conversation.messages.entries()) {
      if (performance.now() >= deadline) {
        finished = false;
        break;
      }
      const sent = performance.now();
      // Where in which conversation, never what the patient typed.
      const where = `${conversation.kind} turn ${turn + 1}`;
      const at = (sent - started) / 1000;
      try {
        const res = await http.post(`${base}/api/messages`, messageActivity(text, conversation.locale, conversationId), 30_000);
        tally.latencies.push(performance.now() - sent);
        tally.turns += 1;
        const activities = replyActivities(res.body);
        if (res.status < 200 || res.status > 299) tally.fail(`${where}: HTTP ${res.status}`, at);
        else if (!activities?.length) tally.fail(`${where}: HTTP ${res.status} without a reply activity`, at);
      } catch (err) {
        tally.turns += 1;
        tally.fail(`${where}: ${err instanceof Error ? err.message : String(err)}`, at);
      }
      if (s.thinkMs) await sleep(random.next() * 2 * s.thinkMs);
    }
    if (finished) tally.conversations[conversation.kind] += 1;
  }
}

async function main(): Promise<void> {
  const s = readSettings(process.env);
  const server = new ChildServer(fysioSpec({ root: ROOT, port: await freePort(), mode: s.mode, databaseUrl: s.databaseUrl }));
  const stopServer = () => void server.stop(5000).then(() => process.exit(130));
  process.on('SIGINT', stopServer);
  try {
    const readyMs = await server.start();
    const rss: number[] = [server.rssMb()];
    console.log(`soak: ${server.spec.name} ready in ${Math.round(readyMs)} ms, RSS ${rss[0].toFixed(1)} MB; ` +
      `${s.conversations} conversations for ${s.seconds} s (think time ~${s.thinkMs} ms)`);

    const questions = loadDevSet(join(ROOT, 'test', 'eval')).filter((e) => e.intent === 'faq').map((e) => ({ text: e.text, locale: e.locale }));
    const scripts = new SoakScripts(questions, new SeededRandom(4242));
    const tally = new SoakTally();
    const started = performance.now();
    const deadline = started + s.seconds * 1000;

    let lastTurns = 0;
    let lastLatencies = 0;
    let minute = 0;
    const report = () => {
      minute += 1;
      const now = server.running ? server.rssMb() : NaN;
      rss.push(now);
      const recent = summarize(tally.latencies.slice(lastLatencies));
      const turns = tally.turns - lastTurns;
      lastTurns = tally.turns;
      lastLatencies = tally.latencies.length;
      console.log(`minute ${minute}: RSS ${now.toFixed(1)} MB, ${turns} turns (${(turns / 60).toFixed(1)}/s), ` +
        `p50 ${recent.p50Ms.toFixed(0)} ms, p99 ${recent.p99Ms.toFixed(0)} ms, errors so far ${tally.errors}`);
    };
    const timer = setInterval(report, 60_000);
    const random = new SeededRandom(99);
    const http = new HttpPoster(s.conversations);
    await Promise.all(Array.from({ length: s.conversations }, (_, i) => patient(i + 1, server.base, http, scripts, s, deadline, tally, random, started)));
    clearInterval(timer);
    http.close();
    const elapsed = (performance.now() - started) / 1000;
    const endRss = server.running ? server.rssMb() : NaN;
    rss.push(endRss);
    const all = summarize(tally.latencies);
    const alive = server.running;

    console.log('\nsummary');
    console.log(`  duration          ${elapsed.toFixed(0)} s, ${s.conversations} concurrent conversations`);
    console.log(`  turns             ${tally.turns} (${(tally.turns / elapsed).toFixed(1)}/s)`);
    console.log(`  conversations     ${tally.conversations.faq} FAQ, ${tally.conversations.booking} booking, ${tally.conversations.handoff} handoff (completed)`);
    console.log(`  latency           p50 ${all.p50Ms.toFixed(0)} ms, p99 ${all.p99Ms.toFixed(0)} ms, max ${all.maxMs.toFixed(0)} ms`);
    console.log(`  RSS               start ${rss[0].toFixed(1)} MB, end ${endRss.toFixed(1)} MB, max ${Math.max(...rss.filter(Number.isFinite)).toFixed(1)} MB ` +
      `(${rss.map((r) => round(r, 0)).join(' → ')})`);
    console.log(`  server            ${alive ? 'still running' : 'DIED:\n' + server.recentOutput}`);
    console.log(`  reconnects        ${http.retries} (kept-alive connection closed by the server as it was reused; sent again)`);
    console.log(`  errors            ${tally.errors}`);
    for (const [kind, k] of [...tally.kinds].sort((a, b) => b[1].count - a[1].count).slice(0, 15)) {
      console.log(`    ${String(k.count).padStart(5)}× ${kind} (first at ${k.firstAtS} s)`);
    }
    const ok = tally.errors === 0 && alive && tally.turns > 0;
    console.log(ok ? '\nsoak passed: zero errors' : '\nsoak FAILED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
