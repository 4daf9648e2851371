/**
 * `node -r ts-node/register/transpile-only bench/profile-turns.ts [faq|booking|echo-dialogs|echo] [seconds]`:
 * one server (fysio-assistent from dist/ with `npm start`'s flags, or one of the echo floors)
 * under one of the bench's loads at 10 connections, with `--cpu-prof`. Only the samples taken
 * during the measured load count: start-up, the router's warm-up that follows it and the load's
 * own warm-up are left out (V8's profile clock and `process.hrtime` both read CLOCK_MONOTONIC).
 * Prints, per turn: the self time by where it runs (our code, botbuilder, restify, V8's
 * built-ins such as the socket write, the collector), the same charged to the innermost of our
 * modules on the stack (what a module costs with the library work it calls: better-sqlite3's
 * native statements show up under SqliteClient), the busiest functions, and our functions'
 * inclusive time. PROFILE_ROOT profiles another checkout's build; TOP sets the list length.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDevSet } from '../test/eval/dataset';
import { bookingRequests, CalendarKeeper, ChildServer, compileEchoBot, echoSpec, faqRequests, freePort, fysioSpec, runLoad, type RequestsFactory } from './lib';

/** The build to profile: this folder, or PROFILE_ROOT (another checkout with a built dist/ and node_modules). */
const ROOT = resolve(process.env.PROFILE_ROOT ?? resolve(__dirname, '..'));

/** A node of a `.cpuprofile`. */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Which part of the stack a function belongs to, by its file (or, for V8's builtins, its name). */
function groupOf(n: Node): string {
  const { url, functionName: f } = n.callFrame;
  if (f === '(garbage collector)') return 'GC';
  if (f === '(program)' || f === '(idle)' || f === '(root)') return f;
  if (!url) return /^(stringify|parse)$/.test(f) ? 'JSON' : 'built-in';
  if (/better-sqlite3/.test(url)) return 'SQLite (JavaScript side)';
  if (/node_modules\/(pino|thread-stream|sonic-boom)/.test(url)) return 'logging';
  if (/node_modules\/(restify|find-my-way|spdy|formidable)/.test(url)) return 'restify';
  if (/node_modules\/(botbuilder-dialogs)/.test(url)) return 'botbuilder-dialogs';
  if (/node_modules\/(botbuilder|botframework|@azure|adaptivecards)/.test(url)) return 'botbuilder';
  if (/node_modules\/(zod)/.test(url)) return 'zod';
  if (/node_modules\/(i18next)/.test(url)) return 'i18next';
  if (/node_modules\//.test(url)) return `other deps (${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]})`;
  if (/^node:/.test(url)) return 'node core';
  if (/\/dist\/(src|dialogs)\/|\/bench\//.test(url) || /fysio-bench-echo/.test(url)) return 'ours';
  return 'other';
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? 'faq';
  const seconds = Number(process.argv[3] ?? 15);
  if (!['faq', 'booking', 'echo', 'echo-dialogs'].includes(what) || !(seconds > 0)) throw new Error('usage: profile-turns.ts [faq|booking|echo|echo-dialogs] [seconds]');
  const profDir = mkdtempSync(join(tmpdir(), 'fysio-prof-'));
  const port = await freePort();
  let spec;
  let echoScript: string | undefined;
  if (what === 'echo' || what === 'echo-dialogs') {
    echoScript = compileEchoBot(ROOT);
    spec = echoSpec({ root: ROOT, port, mode: 'dist', compiledScript: echoScript, cpuProfDir: profDir, dialogs: what === 'echo-dialogs' });
  } else {
    spec = fysioSpec({ root: ROOT, port, mode: 'dist', cpuProfDir: profDir });
  }
  const server = new ChildServer(spec);
  await server.start();
  const calendar = spec.env.DATA_DIR ? CalendarKeeper.for({ sqliteFile: join(spec.env.DATA_DIR, 'fysio-assistent.sqlite') }) : undefined;
  await calendar?.start();
  const questions = loadDevSet(join(__dirname, '..', 'test', 'eval')).filter((e) => e.intent === 'faq').map((e) => ({ text: e.text, locale: e.locale }));
  const tag = () => Math.random().toString(36).slice(2, 7);
  const requests: RequestsFactory = what === 'booking' ? (t) => bookingRequests(`p-${tag()}`, t) : (t) => faqRequests(questions, `p-${tag()}`, t);
  await runLoad('x', what, server.base, requests, 10, 4);
  const cpu0 = server.cpuMs();
  const t0 = Number(process.hrtime.bigint() / 1000n);
  const load = await runLoad('x', what, server.base, requests, 10, seconds);
  const t1 = Number(process.hrtime.bigint() / 1000n);
  const cpuPerTurn = (server.cpuMs() - cpu0) / load.turns;
  await calendar?.stop();
  await server.stop();
  if (echoScript) rmSync(echoScript, { force: true });
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
  const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number };
  rmSync(profDir, { recursive: true, force: true });

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const group = new Map<string, number>();
  const fn = new Map<string, number>();
  const total = new Map<string, number>();
  const charged = new Map<string, number>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: Node) => {
    const short = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '').replace(/^file:\/\//, '');
    return `${n.callFrame.functionName || '(anon)'} ${short}:${n.callFrame.lineNumber + 1}`;
  };
  let at = profile.startTime;
  let busy = 0;
  let samples = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    if (at < t0 || at > t1) continue;
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    const n = byId.get(profile.samples[i])!;
    const g = groupOf(n);
    samples++;
    if (g === '(idle)') continue;
    busy += dt;
    group.set(g, (group.get(g) ?? 0) + dt);
    const k = label(n);
    fn.set(k, (fn.get(k) ?? 0) + dt);
    // Each sample charged to the innermost function of ours on its stack, by file: what each
    // module costs with the library and built-in work it calls.
    let owner = g;
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const m = byId.get(id)!;
      if (groupOf(m) === 'ours') {
        owner = `ours: ${m.callFrame.url.replace(/^.*\/dist\//, '').replace(/^file:\/\//, '')}`;
        break;
      }
    }
    charged.set(owner, (charged.get(owner) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const m = byId.get(id)!;
      if (groupOf(m) !== 'ours') continue;
      const l = label(m);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  }
  console.log(`${what}: ${load.turns} turns, ${load.turnsPerSecond} turns/s, errors ${load.errors}; CPU a turn (all threads) ${cpuPerTurn.toFixed(3)} ms`);
  console.log(`main thread busy ${busy.toFixed(0)} ms in ${samples} samples → ${((busy / load.turns) * 1000).toFixed(0)} µs a turn`);
  const pct = (v: number) => `${((v / busy) * 100).toFixed(1).padStart(5)} %  ${((v / load.turns) * 1000).toFixed(1).padStart(6)} µs`;
  for (const [g, v] of [...group].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(v)}  ${g}`);
  console.log('charged to the innermost module of ours on the stack (else the group):');
  for (const [g, v] of [...charged].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${pct(v)}  ${g}`);
  console.log('top self time:');
  for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) console.log(`  ${pct(v)}  ${k}`);
  console.log('our functions, inclusive (synchronous part of each call):');
  for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) console.log(`  ${pct(v)}  ${k}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
