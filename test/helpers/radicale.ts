import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Radicale CalDAV server of a test: its address, one user, stopped by `stop()`. */
export interface RadicaleServer {
  url: string;
  port: number;
  username: string;
  password: string;
  stop(): Promise<void>;
}

/** What to tell when Radicale is not installed: the suite fails with this line, never skips. */
export const RADICALE_MISSING = 'Radicale is not installed: run `apt-get install radicale` (Debian/Ubuntu) or `pipx install radicale`; .ci/run installs it';

/** True when the `radicale` command is on PATH. */
export function radicaleInstalled(): boolean {
  return spawnSync('radicale', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * A free TCP port on 127.0.0.1 in [from, to] (this machine gives test servers 4700–4799), or any
 * free port when the range is full.
 */
export async function freePort(from = 4700, to = 4799): Promise<number> {
  const offset = Math.floor(Math.random() * (to - from + 1));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((offset + i) % (to - from + 1));
    if (await canListen(port)) return port;
  }
  return 0;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/**
 * Starts Radicale on a free port with its storage in a temp folder and one htpasswd user (plain
 * text, a test's own throwaway), each user owning their own calendars. Throws {@link RADICALE_MISSING}
 * when it is not installed.
 */
export async function startRadicale(): Promise<RadicaleServer> {
  if (!radicaleInstalled()) throw new Error(RADICALE_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'fysio-radicale-'));
  const username = 'praktijk';
  const password = 'test-wachtwoord';
  writeFileSync(join(dir, 'users'), `${username}:${password}\n`);
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const child = spawn('radicale', [
      '--server-hosts', `127.0.0.1:${port}`,
      '--storage-filesystem-folder', join(dir, 'collections'),
      '--auth-type', 'htpasswd', '--auth-htpasswd-filename', join(dir, 'users'), '--auth-htpasswd-encryption', 'plain', '--auth-delay', '0',
      '--rights-type', 'owner_only',
      '--logging-level', 'warning',
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = `http://127.0.0.1:${port}/`;
    if (await waitUntilUp(url, child)) {
      return {
        url, port, username, password,
        stop: async () => {
          await stopChild(child);
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    await stopChild(child);
    if (attempt === 4) throw new Error(`Radicale did not start: ${stderr.slice(-500)}`);
  }
  throw new Error('Radicale did not start');
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) return false;
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return false;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
