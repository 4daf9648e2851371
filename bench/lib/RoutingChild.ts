import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RoutingFigures } from './RoutingBenchmark';

/** What a routing worker process gave: its figures, or why there are none. */
export interface RoutingOutcome {
  /** "ours" or the number of synthetic topics. */
  which: string;
  figures?: RoutingFigures;
  /** Set when the worker was stopped for running out of time. */
  timedOutAfterMs?: number;
  error?: string;
}

/**
 * Runs `bench/routing-worker.ts` for one knowledge base and kills it (SIGKILL: it may be deep
 * in a synchronous index build) when it is not done within `timeoutMs`.
 */
export function runRoutingWorker(
  root: string,
  which: string,
  timeoutMs: number,
  onProgress: (line: string) => void,
): Promise<RoutingOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(root, 'bench', 'routing-worker.ts'), which],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
      for (const line of d.toString().split('\n').filter(Boolean)) onProgress(line);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        resolve({ which, timedOutAfterMs: Math.round(performance.now() - started) });
        return;
      }
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve({ which, figures: JSON.parse(last) as RoutingFigures });
      } catch (err) {
        resolve({ which, error: `${String(err)}: ${stderr.slice(-1000)}` });
      }
    });
  });
}
