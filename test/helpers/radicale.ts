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

/** What to tell when Radicale is not installed. */
export const RADICALE_MISSING = 'Radicale is not installed: run `apt-get install radicale` (Debian/Ubuntu) or `pipx install radicale`; .ci/run installs it';

/** True when the `radicale` command is on PATH. */
export function radicaleInstalled(): boolean {
  return spawnSync('radicale', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether the tests against a real CalDAV server run: always in CI (`CI` set, as `.ci/run` does),
 * where a missing Radicale fails them with {@link RADICALE_MISSING}; elsewhere only where Radicale
 * is installed. Radicale is Python from Debian, not an npm package, so a newcomer's machine with
 * nothing but Node cannot have it: there globalSetup prints one line saying these tests did not run
 * and how to get them, and the rest of the suite still proves the product.
 */
export function radicaleTestsRun(): boolean {
  return Boolean(process.env.CI) || radicaleInstalled();
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

/** Creates a calendar collection (MKCALENDAR) and puts each iCalendar object in it. */
export async function seedCalendar(server: RadicaleServer, path: string, objects: Record<string, string> = {}): Promise<string> {
  const url = new URL(path, server.url).href;
  const auth = { authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}` };
  const made = await fetch(url, { method: 'MKCALENDAR', headers: auth });
  if (made.status !== 201) throw new Error(`MKCALENDAR ${path}: ${made.status}`);
  for (const [name, ics] of Object.entries(objects)) await putEvent(server, `${path}${name}.ics`, ics);
  return url;
}

/** Puts one iCalendar object, as a receptionist's agenda program would (a desk booking). */
export async function putEvent(server: RadicaleServer, path: string, ics: string): Promise<void> {
  const auth = { authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}` };
  const put = await fetch(new URL(path, server.url), { method: 'PUT', headers: { ...auth, 'content-type': 'text/calendar; charset=utf-8' }, body: ics });
  if (put.status !== 201 && put.status !== 204) throw new Error(`PUT ${path}: ${put.status} ${await put.text()}`);
}

/** Every iCalendar object in a calendar collection, by file name. */
export async function calendarObjects(server: RadicaleServer, path: string): Promise<Map<string, string>> {
  const auth = { authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}` };
  const res = await fetch(new URL(path, server.url), {
    method: 'REPORT',
    headers: { ...auth, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
    body: '<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><c:calendar-data/></d:prop>'
      + '<c:filter><c:comp-filter name="VCALENDAR"/></c:filter></c:calendar-query>',
  });
  const xml = await res.text();
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:D:)?href>([^<]+)<\/(?:D:)?href>[\s\S]*?<C:calendar-data[^>]*>([\s\S]*?)<\/C:calendar-data>/gi)) {
    const text = m[2].replace(/&#13;/g, '\r').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    // Unfolded (RFC 5545 3.1), so a test can look for a whole line.
    out.set(decodeURIComponent(m[1].split('/').pop()!), text.replace(/\r?\n[ \t]/g, ''));
  }
  return out;
}
