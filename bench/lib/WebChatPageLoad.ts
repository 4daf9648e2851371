import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumExecutable } from '../../test/helpers/browser';
import { median, round } from './Percentiles';

/** A mid-range phone on a mobile network, as Lighthouse's "slow 4G" profile sets it. */
export const PHONE = {
  cpuSlowdown: 4,
  downloadBitsPerSecond: 1.6e6,
  uploadBitsPerSecond: 750e3,
  latencyMs: 150,
} as const;

/**
 * One page load, from navigation start: when the first bot message shows (the page's provisional
 * transcript or Web Chat's), when Web Chat shows its first bot message (the patient can type),
 * and what came over the network until then.
 */
export interface PageLoad {
  firstBotMessageMs: number;
  webChatReadyMs: number;
  transferredBytes: number;
  requests: number;
}

/** The medians of one kind of visit, with every round. */
export interface VisitFigures {
  firstBotMessageMs: number;
  webChatReadyMs: number;
  transferredKb: number;
  rounds: PageLoad[];
}

/** The median first-visit and return-visit loads, with every round. */
export interface WebChatFigures {
  firstVisit: VisitFigures;
  returnVisit: VisitFigures;
  profile: typeof PHONE;
}

/** A bot message from the page's own script (before Web Chat has loaded) or from Web Chat. */
const ANY_BOT_MESSAGE = '.chat-early__bubble, .webchat__bubble:not(.webchat__bubble--from-user)';
/** A bot message in Web Chat's transcript: Web Chat has rendered, its send box with it. */
const WEB_CHAT_BOT_MESSAGE = '.webchat__bubble:not(.webchat__bubble--from-user)';

/** Marks both moments in the page (an init script: the page's policy is not involved). */
const BOT_MESSAGE_PROBE = `
  new MutationObserver(function (_, observer) {
    var now = performance.now();
    if (window.__firstBotMessageMs === undefined && document.querySelector(${JSON.stringify(ANY_BOT_MESSAGE)})) {
      window.__firstBotMessageMs = now;
    }
    if (document.querySelector(${JSON.stringify(WEB_CHAT_BOT_MESSAGE)})) {
      window.__webChatReadyMs = now;
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Loads the chat page in Chromium throttled like a mid-range phone (CDP: CPU ×4, 1.6 Mbit/s
 * down, 150 ms round trip) and measures, from navigation start, when the first bot message
 * shows, when Web Chat shows its first, and the bytes transferred until Web Chat's (compressed,
 * headers included). A first visit starts with an empty cache (a new browser context); the
 * return visit is the same page loaded again in that context, with the hashed files from the
 * browser's cache.
 */
export async function measureWebChat(base: string, rounds: number): Promise<WebChatFigures> {
  const { executablePath, args } = await chromiumExecutable();
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    const first: PageLoad[] = [];
    const again: PageLoad[] = [];
    for (let i = 0; i < rounds; i++) {
      const context = await phoneContext(browser);
      try {
        first.push(await loadChatPage(context, base));
        again.push(await loadChatPage(context, base));
      } finally {
        await context.close();
      }
    }
    return { firstVisit: summarise(first), returnVisit: summarise(again), profile: PHONE };
  } finally {
    await browser.close();
  }
}

/** Medians of page loads. */
export function summarise(loads: PageLoad[]): VisitFigures {
  return {
    firstBotMessageMs: Math.round(median(loads.map((l) => l.firstBotMessageMs))),
    webChatReadyMs: Math.round(median(loads.map((l) => l.webChatReadyMs))),
    transferredKb: round(median(loads.map((l) => l.transferredBytes)) / 1024, 1),
    rounds: loads,
  };
}

/** A new browser context (empty cache) the size of a phone, with the probe in every page. */
export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true });
  await context.addInitScript({ content: BOT_MESSAGE_PROBE });
  return context;
}

/** One load of the chat page in a new tab of `context` (from {@link phoneContext}), throttled like the phone. */
export async function loadChatPage(context: BrowserContext, base: string): Promise<PageLoad> {
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
    await page.locator(WEB_CHAT_BOT_MESSAGE).first().waitFor({ timeout: 60_000 });
    counting = false;
    const [first, ready] = (await page.evaluate('[window.__firstBotMessageMs, window.__webChatReadyMs]')) as [number, number];
    return { firstBotMessageMs: Math.round(first), webChatReadyMs: Math.round(ready), transferredBytes: bytes, requests };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
