import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; no browser is ever downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Starts headless Chromium with a fresh profile, refusing every request that does not go to
 * `base` (nothing may leave this machine). Fails with instructions when Chromium is missing.
 */
export async function launchBrowser(base: string, viewport: { width: number; height: number }, offSite: string[] = []): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium with "apt-get update && apt-get install -y chromium" (no browser is downloaded)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'fysio-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
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
