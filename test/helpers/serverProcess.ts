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
  readonly base: string;

  constructor(readonly port: number, private readonly env: Record<string, string>) {
    this.base = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/index.ts'], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    this.child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // Start-up under ts-node takes 10–15 s on an idle machine and well over 30 s on a loaded one
    // (shared CI runners): the deadline leaves room for two starts within a test's 120 s.
    const deadline = Date.now() + 55000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
      try {
        if ((await fetch(`${this.base}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become ready: ${stderr}`);
  }

  /** Kills the process without warning, as a crash or `kill -9` would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
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
