import { chromium, type Browser } from 'playwright-core';
import { chromiumExecutable } from '../../test/helpers/browser';
import { median, round } from './Percentiles';

/** A mid-range phone on a mobile network, as Lighthouse's "slow 4G" profile sets it. */
export const PHONE = {
  cpuSlowdown: 4,
  downloadBitsPerSecond: 1.6e6,
  uploadBitsPerSecond: 750e3,
  latencyMs: 150,
} as const;

/** One page load: time from navigation to the first bot message, and what came over the network. */
export interface PageLoad {
  firstBotMessageMs: number;
  transferredBytes: number;
  requests: number;
}

/** The median first-visit and return-visit loads, with every round. */
export interface WebChatFigures {
  firstVisit: { firstBotMessageMs: number; transferredKb: number; rounds: PageLoad[] };
  returnVisit: { firstBotMessageMs: number; transferredKb: number; rounds: PageLoad[] };
  profile: typeof PHONE;
}

/** Marks the moment the first bot message is in the page (an init script: the page's policy is not involved). */
const FIRST_BOT_MESSAGE_PROBE = `
  new MutationObserver(function (_, observer) {
    if (document.querySelector('.webchat__bubble:not(.webchat__bubble--from-user)')) {
      window.__firstBotMessageMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Loads the chat page in Chromium throttled like a mid-range phone (CDP: CPU ×4, 1.6 Mbit/s
 * down, 150 ms round trip) and measures, from navigation start, when the first bot message
 * shows, and the bytes transferred until then (compressed, headers included). A first visit
 * starts with an empty cache (a new browser context); the return visit is the same page loaded
 * again in that context, with the hashed files from the browser's cache.
 */
export async function measureWebChat(base: string, rounds: number): Promise<WebChatFigures> {
  const { executablePath, args } = await chromiumExecutable();
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    const first: PageLoad[] = [];
    const again: PageLoad[] = [];
    for (let i = 0; i < rounds; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true });
      await context.addInitScript({ content: FIRST_BOT_MESSAGE_PROBE });
      try {
        first.push(await loadOnce(browser, context, base));
        again.push(await loadOnce(browser, context, base));
      } finally {
        await context.close();
      }
    }
    const summary = (loads: PageLoad[]) => ({
      firstBotMessageMs: Math.round(median(loads.map((l) => l.firstBotMessageMs))),
      transferredKb: round(median(loads.map((l) => l.transferredBytes)) / 1024, 1),
      rounds: loads,
    });
    return { firstVisit: summary(first), returnVisit: summary(again), profile: PHONE };
  } finally {
    await browser.close();
  }
}

async function loadOnce(_browser: Browser, context: Awaited<ReturnType<Browser['newContext']>>, base: string): Promise<PageLoad> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downloadBitsPerSecond / 8,
    uploadThroughput: PHONE.uploadBitsPerSecond / 8,
  });
  let bytes = 0;
  let requests = 0;
  let counting = true;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    if (!counting) return;
    bytes += e.encodedDataLength;
    requests += 1;
  });
  try {
    // A new tab each time: the conversation kept in sessionStorage belongs to the old one.
    await page.goto(`${base}/`, { waitUntil: 'commit', timeout: 60_000 });
    await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').first().waitFor({ timeout: 60_000 });
    counting = false;
    const at = (await page.evaluate('window.__firstBotMessageMs')) as number;
    return { firstBotMessageMs: Math.round(at), transferredBytes: bytes, requests };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
