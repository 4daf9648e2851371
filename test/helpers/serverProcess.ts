import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The real service in its own process (as `npm start` runs it, without the build step). */
export class ServerProcess {
  private child?: ChildProcess;
  private stderrText = '';
  readonly base: string;

  constructor(readonly port: number, private readonly env: Record<string, string>) {
    this.base = `http://127.0.0.1:${port}`;
  }

  /**
   * Starts the service and resolves once it says it is serving (over an IPC channel, whatever
   * its log level), however long start-up takes on a loaded machine: the test's own timeout is
   * the limit. Rejects if the process exits first.
   */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/index.ts'], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stderr!.on('data', (d: Buffer) => (this.stderrText += d.toString()));
    await new Promise<void>((ready, fail) => {
      const onExit = (code: number | null): void => fail(new Error(`server exited (${code}) before it was ready: ${this.stderrText}`));
      child.once('exit', onExit);
      child.once('message', () => {
        child.off('exit', onExit);
        ready();
      });
    });
  }

  /** True while the process runs: a crash ends it. */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the process wrote to standard error so far (start-up problems, crashes). */
  get stderr(): string {
    return this.stderrText;
  }

  /** Kills the process without warning, as a crash or `kill -9` would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Sends a message in a conversation and returns the bot's replies' texts. */
  async say(conversation: string, text: string, extra: Record<string, unknown> = {}): Promise<string[]> {
    const res = await fetch(`${this.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', text, channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', locale: 'nl-NL',
        conversation: { id: conversation }, from: { id: `user-${conversation}` }, recipient: { id: 'bot' }, ...extra,
      }),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = (await res.json()) as { activities?: { text?: string }[] };
    return (body.activities ?? []).map((a) => a.text ?? '');
  }
}
