/**
 * `node -r ts-node/register/transpile-only bench/profile-summary.ts <file.cpuprofile> [limit]`:
 * prints the functions that took the most CPU in a profile written by `node --cpu-prof`
 * (e.g. by `BENCH_CPU_PROF=dir npm run bench`), with positions in the TypeScript sources.
 */
import { summarizeCpuProfile } from './lib';

function main(): void {
  const [file, limit] = process.argv.slice(2);
  if (!file) {
    console.error('usage: profile-summary.ts <file.cpuprofile> [limit]');
    process.exitCode = 2;
    return;
  }
  const { totalMs, hot } = summarizeCpuProfile(file, process.cwd(), limit ? Number(limit) : 25);
  console.log(`${file}: ${totalMs} ms sampled\n`);
  console.log(`${'self ms'.padStart(9)} ${'self %'.padStart(7)} ${'total %'.padStart(8)}  function (file:line)`);
  for (const h of hot) {
    console.log(`${String(h.selfMs).padStart(9)} ${h.selfPct.toFixed(1).padStart(7)} ${h.totalPct.toFixed(1).padStart(8)}  ${h.where}`);
    if (h.selfPct >= 2) for (const l of h.lines) console.log(`${''.padStart(28)}${String(l.pct).padStart(3)} %  ${l.where}`);
  }
}

main();
