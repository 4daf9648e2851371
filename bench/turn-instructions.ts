/**
 * `npm run bench:instructions`: the instructions a turn costs, counted by callgrind, for a machine
 * too busy for CPU time to tell a change of a few per cent (bench/README.md, 7 December, session
 * 10: side by side at load average 8 on 2 CPUs, rounds of one pair of builds ranged 0.7-1.5).
 * An instruction count does not move with the load of the machine; one build is measured at a time.
 *
 * One server, started as `npm start` starts it (dist/, its Node.js flags, SQLite in a fresh
 * DATA_DIR), under `valgrind --tool=callgrind` with instrumentation off; per scenario, turns one
 * after the other over HTTP (the client runs outside valgrind): CG_WARM warm-up turns
 * uninstrumented, then instrumentation on for CG_TURNS turns, dumped and divided. Every thread of
 * the server counts (V8's collector helpers too). FAQ: the development set's FAQ questions in turn,
 * four to a conversation. Booking: the bench's booking script, whole conversations, the bench's
 * calendar keeper emptying the calendar.
 *
 * Settings: CG_ROOT (the checkout with dist/, default this one), CG_SCENARIOS (default
 * faq,booking), CG_WARM (default 1000), CG_TURNS (default 300). Takes some 4 minutes a build.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDevSet } from '../test/eval/dataset';
import { BOOKING_SCRIPT, CalendarKeeper, freePort, messageActivity, startFlags } from './lib';

const ROOT = resolve(__dirname, '..');

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: expected a whole number from 1`);
  return value;
}

/** The n-th message of a scenario's endless stream, with its conversation and language. */
type Stream = (n: number) => { text: string; locale: 'nl-NL' | 'nl-BE'; conversation: string };

async function turn(base: string, m: ReturnType<Stream>): Promise<void> {
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: messageActivity(m.text, m.locale, m.conversation) });
  const body = await res.text();
  if (!res.ok || !body.includes('"activities"')) throw new Error(`turn: HTTP ${res.status}`);
}

async function waitReady(base: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`not ready within ${seconds} s`);
}

/** The instructions counted in a callgrind dump (its `summary:` or `totals:` line), undefined while it is written. */
function instructionsIn(file: string): number | undefined {
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('summary:') || l.startsWith('totals:'));
  return line ? Number(line.split(/\s+/)[1]) : undefined;
}

/**
 * The instructions of the n-th dump, once written. Valgrind takes a command when the program runs,
 * so a server idle between turns is woken with a readiness probe now and then (a few thousand
 * instructions against the hundreds of millions of the measured turns).
 */
async function dumped(outDir: string, n: number, base: string): Promise<number> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const file = readdirSync(outDir).map((f) => join(outDir, f)).find((f) => f.endsWith(`.${n}`));
    const total = file ? instructionsIn(file) : undefined;
    if (total !== undefined) return total;
    await fetch(`${base}/readyz`).then((r) => r.text(), () => undefined);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no callgrind dump ${n} within 120 s`);
}

async function main(): Promise<void> {
  const root = resolve(process.env.CG_ROOT ?? ROOT);
  const warm = setting('CG_WARM', 1000);
  const turns = setting('CG_TURNS', 300);
  const wanted = (process.env.CG_SCENARIOS ?? 'faq,booking').split(',').map((x) => x.trim());
  const faq = loadDevSet(join(ROOT, 'test', 'eval')).filter((e) => e.intent === 'faq');
  const streams: Record<string, Stream> = {
    faq: (n) => ({ text: faq[n % faq.length].text, locale: faq[n % faq.length].locale, conversation: `cg-faq-${Math.floor(n / 4)}` }),
    booking: (n) => ({ text: BOOKING_SCRIPT[n % BOOKING_SCRIPT.length], locale: 'nl-NL', conversation: `cg-booking-${Math.floor(n / BOOKING_SCRIPT.length)}` }),
  };
  const unknown = wanted.filter((x) => !(x in streams));
  if (unknown.length) throw new Error(`CG_SCENARIOS: expected faq and/or booking, got ${unknown.join(',')}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'fysio-cg-'));
  const outDir = mkdtempSync(join(tmpdir(), 'fysio-cg-out-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    'valgrind',
    ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${join(outDir, 'cg.out')}`, process.execPath, ...startFlags(root), 'dist/src/index.js'],
    {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', DATA_DIR: dataDir, DATABASE_URL: '', MicrosoftAppId: '', MicrosoftAppPassword: '', RATE_LIMIT_PER_MINUTE: '1000000000' },
    },
  );
  const calendar = CalendarKeeper.for({ sqliteFile: join(dataDir, 'fysio-assistent.sqlite') });
  try {
    await waitReady(base, 300);
    await calendar.start();
    // Valgrind takes a command when the program runs: the server, idle between turns, is woken
    // with readiness probes until callgrind_control has its answer.
    const control = async (...args: string[]) => {
      // vgdb names its pipes after $USER and $HOST: the server's HOST must be callgrind_control's too.
      const c = spawn('callgrind_control', [...args, String(child.pid)], { stdio: process.env.CG_DEBUG ? 'inherit' : 'ignore', env: { ...process.env, HOST: '127.0.0.1' } });
      let done = false;
      const exited = new Promise<void>((r) => c.once('exit', () => r()));
      void exited.then(() => (done = true));
      while (!done) {
        await fetch(`${base}/readyz`).then((r) => r.text(), () => undefined);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
      }
    };
    let dumps = 0;
    for (const scenario of wanted) {
      const next = streams[scenario];
      // Whole conversations in both parts: a booking's turns differ by far.
      const per = scenario === 'booking' ? BOOKING_SCRIPT.length : 4;
      const warmTurns = Math.ceil(warm / per) * per;
      const measured = Math.ceil(turns / per) * per;
      for (let n = 0; n < warmTurns; n++) await turn(base, next(n));
      await control('-i', 'on');
      for (let n = warmTurns; n < warmTurns + measured; n++) await turn(base, next(n));
      await control('-d');
      dumps++;
      const total = await dumped(outDir, dumps, base);
      await control('-i', 'off');
      console.log(`${scenario}: ${(total / measured / 1e6).toFixed(4)} M instructions a turn (${measured} turns after ${warmTurns} warm; ${root})`);
    }
  } finally {
    await calendar.stop();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
