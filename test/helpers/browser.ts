import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, used only when the npm-shipped build cannot be unpacked here. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium off the network it cannot reach and free of a sandbox root lacks. */
const QUIET_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set, else the build that `@sparticuz/chromium`
 * ships inside its npm tarball (unpacked once into the temp folder), else Debian's. No browser is
 * ever downloaded; when none is usable the error says what to install.
 */
export async function chromiumExecutable(): Promise<{ executablePath: string; args: string[] }> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return { executablePath: configured, args: QUIET_ARGS };
  }
  let shippedError = '';
  // It unpacks into the temp folder's fixed "chromium" path, which globalSetup makes one per user.
  try {
    const shipped = (await import('@sparticuz/chromium')).default;
    const executablePath = await shipped.executablePath();
    // Its own flag list is tuned for AWS Lambda (single process, no web security): keep only
    // what it needs to start, plus ours.
    const needed = shipped.args.filter((a) => a.startsWith('--headless') || a === '--no-zygote' || a.startsWith('--use-gl') || a.startsWith('--use-angle') || a === '--enable-unsafe-swiftshader');
    return { executablePath, args: [...QUIET_ARGS, ...needed] };
  } catch (e) {
    shippedError = e instanceof Error ? e.message : String(e);
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: QUIET_ARGS };
  throw new Error(`No Chromium for the browser tests: "npm ci" installs @sparticuz/chromium (it failed here: ${shippedError}); or install one ("apt-get install -y chromium") or set CHROMIUM_PATH`);
}

/**
 * Starts headless Chromium with a fresh profile, refusing every request that does not go to
 * `base` (nothing may leave this machine).
 */
export async function launchBrowser(base: string, viewport: { width: number; height: number }, offSite: string[] = []): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const { executablePath, args } = await chromiumExecutable();
  const profile = mkdtempSync(join(tmpdir(), 'fysio-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport, args });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
    offSite.push(url);
    return route.abort();
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
