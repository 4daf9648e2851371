import { mkdtempSync } from 'node:fs';
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
 * fysio-assistent as `npm start` (dist) or the tests (ts-node) run it: anonymous, on
 * 127.0.0.1, logging warnings only, with its own empty data folder, on SQLite unless a
 * PostgreSQL URL is given. The rate limit is lifted because all load comes from one address.
 */
export function fysioSpec(o: SpecOptions & { databaseUrl?: string; name?: string }): ChildServerSpec {
  const script = o.mode === 'dist' ? ['dist/src/index.js'] : ['-r', 'ts-node/register/transpile-only', 'src/index.ts'];
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
