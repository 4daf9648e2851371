import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildServerSpec } from './ChildServer';

/** How a server is started: compiled JavaScript (as `npm start` runs it) or through ts-node. */
export type StartMode = 'dist' | 'ts-node';

/** Options shared by the specs. */
export interface SpecOptions {
  root: string;
  port: number;
  mode: StartMode;
  cpuProfDir?: string;
}

/**
 * Node's compile cache for the service's starts in this bench run (the service enables it, see
 * src/compileCache.ts): empty at the first start, so the first start-up figure is a cold one
 * and the later ones are restarts.
 */
const COMPILE_CACHE = join(tmpdir(), `fysio-bench-compile-cache-${process.pid}`);

/**
 * The Node.js flags `npm start` gives the service (package.json's start script), so the bench
 * runs it exactly as a practice does. Fails loudly when the script no longer has that shape.
 */
export function startFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const match = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/src\/index\.js\b/.exec(pkg.scripts?.start ?? '');
  if (!match) throw new Error('package.json: the start script should run "node [--flags] dist/src/index.js"');
  return match[1].split(/\s+/).filter(Boolean);
}

/**
 * fysio-assistent as `npm start` (dist, with its Node.js flags) or the tests (ts-node) run it: anonymous, on
 * 127.0.0.1, logging warnings only, with its own empty data folder, on SQLite unless a
 * PostgreSQL URL is given. The rate limit is lifted because all load comes from one address.
 */
export function fysioSpec(o: SpecOptions & { databaseUrl?: string; name?: string }): ChildServerSpec {
  const script = o.mode === 'dist' ? [...startFlags(o.root), 'dist/src/index.js'] : ['-r', 'ts-node/register/transpile-only', 'src/index.ts'];
  const dataDir = mkdtempSync(join(tmpdir(), 'fysio-bench-'));
  return {
    name: o.name ?? `fysio-assistent (${o.mode}, ${o.databaseUrl ? 'PostgreSQL' : 'SQLite'})`,
    args: script,
    cwd: o.root,
    port: o.port,
    cpuProfDir: o.cpuProfDir,
    tempDirs: [dataDir],
    env: {
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      DATABASE_URL: o.databaseUrl ?? '',
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      RATE_LIMIT_PER_MINUTE: '1000000000',
      NODE_COMPILE_CACHE: COMPILE_CACHE,
    },
  };
}

/**
 * The bare echo bot, compiled (`compiledScript`) or through ts-node; with `dialogs`, the echo
 * through conversation state (in memory) and a waterfall dialog: the floor of any
 * botbuilder-dialogs bot.
 */
export function echoSpec(o: SpecOptions & { compiledScript?: string; dialogs?: boolean }): ChildServerSpec {
  const compiled = o.mode === 'dist' && o.compiledScript;
  return {
    name: `${o.dialogs ? 'echo bot with state and dialogs' : 'echo bot'} (${compiled ? 'dist' : 'ts-node'})`,
    args: compiled ? [o.compiledScript!] : ['-r', 'ts-node/register/transpile-only', 'bench/echo-bot.ts'],
    cwd: o.root,
    port: o.port,
    cpuProfDir: o.cpuProfDir,
    env: { NODE_PATH: join(o.root, 'node_modules'), ECHO_DIALOGS: o.dialogs ? '1' : '0' },
  };
}
