import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ts from 'typescript';

/** Outcome of `tsc -p tsconfig.build.json`. */
export interface BuildOutcome {
  /** tsc exited 0. */
  ok: boolean;
  /** dist/src/index.js exists afterwards (tsc emits despite type errors). */
  emitted: boolean;
  ms: number;
  /** The first lines tsc printed when it failed. */
  problems: string[];
}

/** Builds the service into dist/ the way `npm run build` does. */
export async function buildDist(root: string): Promise<BuildOutcome> {
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (c) => resolve({ code: c, output: out }));
  });
  return {
    ok: code === 0,
    emitted: existsSync(join(root, 'dist', 'src', 'index.js')),
    ms: Math.round(performance.now() - started),
    problems: output.split('\n').filter((l) => /error TS/.test(l)).slice(0, 5),
  };
}

/**
 * Compiles the echo bot to plain JavaScript in a temporary folder (it is not part of the
 * build), so that it can start like `node dist/src/index.js` does, without ts-node. Returns
 * the script's path; run it with NODE_PATH pointing at the project's node_modules, and remove
 * its folder when done.
 */
export function compileEchoBot(root: string): string {
  const source = join(root, 'bench', 'echo-bot.ts');
  const out = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023, esModuleInterop: true },
    fileName: source,
  });
  const dir = join(tmpdir(), `fysio-bench-echo-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'echo-bot.js');
  writeFileSync(file, out.outputText);
  return file;
}
