import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPostgres, type TestPostgres } from '../helpers/embeddedPostgres';
import { RADICALE_MISSING, radicaleTestsRun } from '../helpers/radicale';

/**
 * Provisions what the suite needs without root or a system install: a PostgreSQL server from
 * the npm-shipped binaries, unless PG_TEST_URL names one. Test workers inherit the variable.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.PG_TEST_URL) {
    const postgres = await startTestPostgres();
    process.env.PG_TEST_URL = postgres.url;
    (globalThis as { __fysioTestPostgres?: TestPostgres }).__fysioTestPostgres = postgres;
  }
  // A temp folder per user for the test workers: the npm-shipped Chromium unpacks into the temp
  // folder's fixed "chromium" path, and another user's copy there (mode 0700) cannot be run.
  // Set here, in the parent, because a test file's own process.env does not reach os.tmpdir().
  const own = join(tmpdir(), `fysio-tests-${typeof process.getuid === 'function' ? process.getuid() : 'user'}`);
  mkdirSync(own, { recursive: true, mode: 0o700 });
  process.env.TMPDIR = own;
  // Unpacked once here, before the workers start: two workers unpacking at once could start a
  // half-written binary. A failure is left to the browser tests, which say what to install.
  try {
    execFileSync(process.execPath, ['-e', "import('@sparticuz/chromium').then((m) => m.default.executablePath())"], { env: process.env, stdio: 'ignore', timeout: 120_000 });
  } catch {
    // reported by test/helpers/browser.ts
  }
  // The web chat's compressed files, once (brotli needs many seconds for Web Chat's bundle):
  // every test app that mounts the chat then reads them from the cache instead of compressing.
  try {
    execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/precompress.ts'], { env: process.env, stdio: 'ignore', timeout: 180_000 });
  } catch {
    // the apps compress in memory instead
  }
  if (!radicaleTestsRun()) process.stdout.write(`\nCalDAV agenda tests against a real server NOT RUN here. ${RADICALE_MISSING} (CI requires them).\n`);
}
