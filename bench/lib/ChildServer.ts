import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** USER_HZ: the unit of /proc/<pid>/stat times, 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

/** How to start one server process. */
export interface ChildServerSpec {
  /** Shown in tables and errors. */
  name: string;
  /** Arguments to `node` (script and its flags). */
  args: string[];
  /** Added to the bench's own environment; PORT is set from `port`. */
  env: Record<string, string>;
  port: number;
  cwd: string;
  /** When set, the process runs with `--cpu-prof` and writes its profile here on exit. */
  cpuProfDir?: string;
  /** Folders the process may write to (its data), removed once it has stopped. */
  tempDirs?: string[];
}

/**
 * A server under test in its own process on 127.0.0.1: started, timed until `/readyz` answers
 * 200, its resident memory read from `/proc/<pid>/status`, and stopped with SIGTERM (SIGKILL
 * after a grace period), so that a profile or a graceful shutdown can complete.
 */
export class ChildServer {
  readonly base: string;
  private child?: ChildProcess;
  private output = '';

  constructor(readonly spec: ChildServerSpec) {
    this.base = `http://127.0.0.1:${spec.port}`;
  }

  /** Starts the process and resolves with the milliseconds from spawn to the first `/readyz` 200. */
  async start(timeoutMs = 60_000): Promise<number> {
    const { spec } = this;
    const flags = spec.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', spec.cpuProfDir] : [];
    const started = performance.now();
    const child = spawn(process.execPath, [...flags, ...spec.args], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env, PORT: String(spec.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString('utf8')).slice(-4000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const deadline = started + timeoutMs;
    while (performance.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${spec.name} exited during start-up (${child.exitCode ?? child.signalCode}):\n${this.output}`);
      }
      try {
        const res = await fetch(`${this.base}/readyz`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await this.stop();
    throw new Error(`${spec.name} was not ready after ${timeoutMs} ms:\n${this.output}`);
  }

  /** The process id, once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** True while the process runs. */
  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resident set size in MB (VmRSS of /proc/<pid>/status). */
  rssMb(): number {
    if (!this.child?.pid) throw new Error(`${this.spec.name} is not running`);
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    if (!Number.isFinite(kb)) throw new Error(`no VmRSS for ${this.spec.name}`);
    return kb / 1024;
  }

  /**
   * CPU time the process has used so far (user + system, all its threads), in ms, from
   * /proc/<pid>/stat. Less disturbed by other load on the machine than throughput is.
   */
  cpuMs(): number {
    if (!this.child?.pid) throw new Error(`${this.spec.name} is not running`);
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  }

  /** The last few KB the process wrote, for error messages. */
  get recentOutput(): string {
    return this.output;
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  async stop(graceMs = 20_000): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    // The data holds the synthetic patients' bookings: nothing to keep.
    for (const dir of this.spec.tempDirs ?? []) rmSync(dir, { recursive: true, force: true });
  }
}
