/**
 * `npm run bench:compare`: two builds of fysio-assistent under the same load at the same time,
 * to tell whether a change made a turn cheaper. On this virtual machine the speed of the host
 * moves by a third within minutes, so two runs one after the other cannot show a change of a
 * few per cent; two servers loaded side by side share every slow spell.
 *
 * Settings (environment): COMPARE_A, COMPARE_B (folders with a built dist/ and node_modules,
 * such as a `git worktree` of the base revision; B defaults to this one), COMPARE_SCENARIOS
 * (default faq,booking), COMPARE_ROUNDS (default 6), COMPARE_SECONDS (default 4),
 * COMPARE_CONNECTIONS (default 10). Prints, per round and as medians, B's turns per second and
 * main-thread CPU per turn as a ratio to A's. The CPU of other threads (V8's collector helpers,
 * the state writer) is not in the second figure: it is the event loop that limits a server's
 * turns per second. Also prints each server's resident memory (RSS) after start, after each round
 * and after the last, and the median of the rounds' readings: both builds took the same load.
 * See bench/README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDevSet } from '../test/eval/dataset';
import { bookingRequests, CalendarKeeper, ChildServer, faqRequests, freePort, fysioSpec, median, round, runLoad, type RequestsFactory } from './lib';

const ROOT = resolve(__dirname, '..');
const WARM_UP_SECONDS = 3;

/** CPU time of the process's main thread (the event loop) so far, in ms, from /proc (in ticks of 10 ms, USER_HZ on Linux). */
function mainThreadCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function setting(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 1 || value > max) throw new Error(`${name}: expected a number from 1 to ${max}`);
  return value;
}

interface Side {
  name: string;
  server: ChildServer;
  calendar: CalendarKeeper;
}

async function start(name: string, root: string): Promise<Side> {
  if (!existsSync(join(root, 'dist', 'src', 'index.js'))) throw new Error(`COMPARE_${name}: ${root} has no dist/src/index.js (npm run build there first)`);
  const spec = fysioSpec({ root, port: await freePort(), mode: 'dist', name });
  const server = new ChildServer(spec);
  await server.start();
  const calendar = CalendarKeeper.for({ sqliteFile: join(spec.env.DATA_DIR, 'fysio-assistent.sqlite') });
  await calendar.start();
  return { name, server, calendar };
}

async function main(): Promise<void> {
  if (!process.env.COMPARE_A) throw new Error('COMPARE_A: the folder of the build to compare against');
  const rounds = setting('COMPARE_ROUNDS', 6, 50);
  const seconds = setting('COMPARE_SECONDS', 4, 60);
  const connections = setting('COMPARE_CONNECTIONS', 10, 200);
  const questions = loadDevSet(join(ROOT, 'test', 'eval')).filter((e) => e.intent === 'faq').map((e) => ({ text: e.text, locale: e.locale }));
  const tag = () => Math.random().toString(36).slice(2, 7);
  const scenarios: Record<string, RequestsFactory> = {
    faq: (tally) => faqRequests(questions, `cmp-${tag()}`, tally),
    booking: (tally) => bookingRequests(`cmp-${tag()}`, tally),
  };
  const wanted = (process.env.COMPARE_SCENARIOS ?? 'faq,booking').split(',').map((x) => x.trim());
  const unknown = wanted.filter((x) => !(x in scenarios));
  if (unknown.length) throw new Error(`COMPARE_SCENARIOS: expected faq and/or booking, got ${unknown.join(',')}`);

  const sides = [await start('A', resolve(process.env.COMPARE_A)), await start('B', resolve(process.env.COMPARE_B ?? ROOT))];
  const rss = () => sides.map((s) => `${s.name} ${round(s.server.rssMb(), 0)} MB`).join(', ');
  console.log(`RSS after start: ${rss()}`);
  // One reading after each round: a single one falls anywhere between two major collections.
  const rssAfterRounds = sides.map(() => [] as number[]);
  try {
    const both = (scenario: string, secs: number) =>
      Promise.all(sides.map((s) => runLoad(s.name, scenario, s.server.base, scenarios[scenario], connections, secs)));
    for (const scenario of wanted) await both(scenario, WARM_UP_SECONDS);
    for (const scenario of wanted) {
      const turnsRatio: number[] = [];
      const cpuRatio: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const before = sides.map((s) => mainThreadCpuMs(s.server.pid!));
        const [a, b] = await both(scenario, seconds);
        const [cpuA, cpuB] = sides.map((s, i) => (mainThreadCpuMs(s.server.pid!) - before[i]) / [a, b][i].turns);
        if (a.errors || b.errors) throw new Error(`${scenario}: ${a.errors} errors on A, ${b.errors} on B: ${[...a.examples, ...b.examples].join('; ')}`);
        turnsRatio.push(b.turnsPerSecond / a.turnsPerSecond);
        cpuRatio.push(cpuB / cpuA);
        const [rssA, rssB] = sides.map((s, i) => {
          const mb = round(s.server.rssMb(), 0);
          rssAfterRounds[i].push(mb);
          return mb;
        });
        console.log(
          `${scenario} round ${r + 1}: A ${a.turnsPerSecond} turns/s, ${round(cpuA, 3)} ms main thread a turn, ${rssA} MB; ` +
          `B ${b.turnsPerSecond}, ${round(cpuB, 3)} ms, ${rssB} MB`,
        );
      }
      const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
      console.log(
        `${scenario}: B ÷ A turns/s ${round(median(turnsRatio), 3)} (${list(turnsRatio)}); ` +
        `main-thread CPU a turn ${round(median(cpuRatio), 3)} (${list(cpuRatio)})`,
      );
    }
    console.log(`RSS after load: ${rss()}; after each round, median (range): ${sides.map((s, i) => `${s.name} ${median(rssAfterRounds[i])} (${Math.min(...rssAfterRounds[i])}–${Math.max(...rssAfterRounds[i])}) MB`).join(', ')}`);
  } finally {
    for (const s of sides) {
      await s.calendar.stop();
      await s.server.stop();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
