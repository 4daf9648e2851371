import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ActivityRenderer } from '../src/channels/ActivityRenderer';
import { LOCAL_DIRECT_LINE_CHANNEL_ID, LOCAL_DIRECT_LINE_SERVICE_URL } from '../src/channels/directline';
import { launchBrowser } from './helpers/browser';
import { startWebApp, type WebTestApp } from './helpers/webChannel';

const SCREENSHOT = join(tmpdir(), 'fysio-webchat.png');
const WAIT = { timeout: 30000 };

/** Collects Content-Security-Policy violations in the page, before any of its scripts run. */
const CSP_PROBE = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber);
  });
`;

describe('website chat in a real browser', () => {
  let web: WebTestApp;
  let context: BrowserContext;
  let page: Page;
  const offSite: string[] = [];
  const consoleErrors: string[] = [];

  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    web = await startWebApp();
    // Nothing may leave this machine: any request not to the bot is recorded and refused.
    browser = await launchBrowser(web.base, { width: 420, height: 760 }, offSite);
    context = browser.context;
    await context.addInitScript({ content: CSP_PROBE });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('answers a typed question, shows follow-up buttons, and answers the one clicked', async () => {
    await page.goto(`${web.base}/`);
    await page.getByRole('heading', { name: 'Fysiotherapie De Beweegreden' }).waitFor(WAIT);
    const bubble = (text: RegExp | string) => page.locator('.webchat__bubble').filter({ hasText: text });
    await bubble(/digitale assistent van Fysiotherapie De Beweegreden/).first().waitFor(WAIT);

    const input = page.getByRole('textbox').first();
    await input.waitFor(WAIT);
    expect(await input.getAttribute('placeholder')).toBe('Typ hier je vraag');
    await input.fill('Mag ik sporten met knieartrose?');
    await input.press('Enter');

    await bubble(/Welke sport bij jou past/).first().waitFor(WAIT);
    const buttons = page.getByRole('toolbar', { name: 'Voorgestelde acties' });
    const followUp = buttons.getByRole('button', { name: 'Beweegnorm' });
    await followUp.waitFor(WAIT);
    expect(await buttons.getByRole('button', { name: 'Oefentherapie' }).count()).toBe(1);
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-1.png') });

    await followUp.click();
    await bubble(/De Gezondheidsraad geeft hiervoor een beweegnorm/).first().waitFor(WAIT);
    // The answer's Markdown list is a list (the page renders Markdown itself), with no marks left.
    const norm = bubble(/De Gezondheidsraad geeft hiervoor een beweegnorm/).first();
    expect(await norm.locator('li').count()).toBe(2);
    expect(await norm.textContent()).not.toMatch(/(^|\s)- |\*\*/);
    // The patient's own messages show once each: the echo replaced the pending one, not added to it.
    expect(await page.locator('.webchat__bubble--from-user').filter({ hasText: 'Mag ik sporten met knieartrose?' }).count()).toBe(1);
    expect(await page.locator('.webchat__bubble--from-user').filter({ hasText: 'Beweegnorm' }).count()).toBe(1);
    await page.screenshot({ path: SCREENSHOT });

    const headerColour = await page.evaluate("getComputedStyle(document.querySelector('header.chat-header')).backgroundColor");
    // The practice's brandColor from knowledge/practice.yaml (#0f7b6c).
    expect(headerColour).toBe('rgb(15, 123, 108)');
    // Styles Web Chat adds at run time got through the policy: the transcript scrolls.
    const scrolls = await page.evaluate(
      "[...document.querySelectorAll('[class*=\"react-scroll-to-bottom--css\"]')].some((e) => getComputedStyle(e).overflowY === 'auto')",
    );
    expect(scrolls).toBe(true);
    expect(await page.evaluate('window.__cspViolations')).toEqual([]);
    expect(offSite).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  }, 120000);

  it('opens the conversation and reads the bot\'s welcome while Web Chat\'s bundle is still on its way', async () => {
    const tab = await context.newPage();
    try {
      const calls: string[] = [];
      tab.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/v3/directline/') || path.startsWith('/api/')) calls.push(`${r.method()} ${path.replace(/conversations\/[^/]+/, 'conversations/<id>')}`);
      });
      // The bundle is held back until the conversation has been read: on a slow phone network it
      // is the largest file by far, and the chat must not wait for it to start talking to the bot.
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => { release = resolve; });
      let bundleAsked = false;
      await tab.route(/\/webchat\/webchat\.[0-9a-f]{16}\.js$/, async (route) => {
        bundleAsked = true;
        await held;
        await route.continue();
      });
      const welcomeRead = tab.waitForResponse((r) => r.request().method() === 'GET' && /\/activities/.test(r.url()), WAIT);
      await tab.goto(`${web.base}/`, { waitUntil: 'commit' });
      const read = (await (await welcomeRead).json()) as { activities: { text?: string; from: { role?: string } }[] };
      expect(bundleAsked).toBe(true);
      expect(read.activities.filter((a) => a.from.role === 'bot').map((a) => a.text).join('\n')).toMatch(/digitale assistent/);
      expect(await tab.locator('.webchat__bubble').count()).toBe(0);
      release();
      await tab.locator('.webchat__bubble').filter({ hasText: /digitale assistent/ }).first().waitFor(WAIT);
      // One conversation, started once: Web Chat goes on with the one the page opened.
      expect(calls.slice(0, 3)).toEqual(['POST /api/directline/token', 'POST /v3/directline/conversations', 'GET /v3/directline/conversations/<id>/activities']);
      expect(calls.filter((c) => c === 'POST /v3/directline/conversations')).toHaveLength(1);
      expect(await tab.evaluate('window.__cspViolations')).toEqual([]);
    } finally {
      await tab.close();
    }
  }, 120000);

  it('shows the bot\'s welcome before Web Chat has loaded, then Web Chat\'s transcript with it once', async () => {
    const tab = await context.newPage();
    try {
      let release = (): void => undefined;
      let held = Promise.resolve();
      const hold = () => { held = new Promise<void>((resolve) => { release = resolve; }); };
      await tab.route(/\/webchat\/webchat\.[0-9a-f]{16}\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      hold();
      await tab.goto(`${web.base}/`, { waitUntil: 'commit' });

      const log = tab.locator('.chat-early__log');
      const welcome = log.getByText(/digitale assistent van Fysiotherapie De Beweegreden/);
      await welcome.waitFor({ state: 'visible', ...WAIT });
      // Not announced: Web Chat's live region reads the greeting out once when it has it.
      expect(await tab.locator('[aria-live], [role=log], [role=status], [role=alert]').filter({ hasText: /digitale assistent/ }).count()).toBe(0);
      // The welcome's two messages, Markdown rendered (its privacy link a link), nothing of the patient's.
      await log.getByText('Waarmee kan ik je helpen?').waitFor(WAIT);
      expect(await log.locator('.chat-early__bubble').count()).toBe(2);
      expect(await log.getByRole('link', { name: 'https://beweegreden.example/privacy' }).count()).toBe(1);
      // Its buttons need Web Chat: not shown early, and nothing to type in yet.
      expect(await tab.getByRole('button', { name: 'Afspraak maken' }).count()).toBe(0);
      expect(await tab.getByRole('textbox').count()).toBe(0);
      expect(await tab.locator('.webchat__bubble').count()).toBe(0);

      release();
      const webChatWelcome = tab.locator('.webchat__bubble').filter({ hasText: /digitale assistent van Fysiotherapie De Beweegreden/ });
      await webChatWelcome.first().waitFor(WAIT);
      await tab.getByRole('toolbar', { name: 'Voorgestelde acties' }).getByRole('button', { name: 'Afspraak maken' }).waitFor(WAIT);
      // One greeting on the screen: Web Chat's, the provisional one gone.
      expect(await webChatWelcome.count()).toBe(1);
      expect(await tab.locator('.chat-early').count()).toBe(0);
      expect(await tab.locator('.webchat__bubble').filter({ hasText: 'Waarmee kan ik je helpen?' }).count()).toBe(1);

      const input = tab.getByRole('textbox').first();
      await input.fill('Mag ik sporten met knieartrose?');
      await input.press('Enter');
      await tab.locator('.webchat__bubble').filter({ hasText: /Welke sport bij jou past/ }).first().waitFor(WAIT);

      // A reload goes on with the conversation: early, only what the bot said after the patient's
      // last message; then Web Chat's whole transcript, each message once.
      hold();
      await tab.reload({ waitUntil: 'commit' });
      await log.getByText(/Welke sport bij jou past/).first().waitFor({ state: 'visible', ...WAIT });
      expect(await log.getByText(/digitale assistent/).count()).toBe(0);
      expect(await log.getByText('Mag ik sporten met knieartrose?').count()).toBe(0);
      release();
      await tab.getByRole('textbox').first().waitFor(WAIT);
      await tab.locator('.webchat__bubble--from-user').filter({ hasText: 'Mag ik sporten met knieartrose?' }).first().waitFor(WAIT);
      await tab.locator('.chat-early').waitFor({ state: 'detached', ...WAIT });
      expect(await tab.locator('.webchat__bubble').filter({ hasText: /Welke sport bij jou past/ }).count()).toBe(1);
      expect(await tab.locator('.webchat__bubble').filter({ hasText: /digitale assistent van Fysiotherapie/ }).count()).toBe(1);
      expect(await tab.evaluate('window.__cspViolations')).toEqual([]);
    } finally {
      await tab.close();
    }
  }, 180000);

  it('keeps a chat that stays open longer than its token lives going: the page renews the token', async () => {
    const tab = await context.newPage();
    try {
      await tab.clock.install();
      await tab.goto(`${web.base}/`);
      await tab.locator('.webchat__bubble').filter({ hasText: /digitale assistent/ }).first().waitFor(WAIT);
      const kept = async () => JSON.parse((await tab.evaluate("sessionStorage.getItem('fysio-assistent.session')")) as string) as { token: string; conversationId: string };
      const before = await kept();
      // Twenty minutes with the tab open: the token (30 minutes) is renewed before it runs out.
      web.clock.advance(20 * 60 * 1000);
      const renewed = tab.waitForResponse((r) => r.url().endsWith('/v3/directline/tokens/refresh'), WAIT);
      await tab.clock.fastForward('20:00');
      expect((await renewed).status()).toBe(200);
      // The tab keeps the renewed token (a reload goes on with it).
      for (let i = 0; i < 100 && (await kept()).token === before.token; i++) await new Promise((r) => setTimeout(r, 50));
      // Forty minutes after the start the first token has expired; the renewed one carries on.
      web.clock.advance(20 * 60 * 1000);
      const input = tab.getByRole('textbox').first();
      await input.fill('Mag ik sporten met knieartrose?');
      await input.press('Enter');
      await tab.locator('.webchat__bubble').filter({ hasText: /Welke sport bij jou past/ }).first().waitFor(WAIT);
      const after = await kept();
      expect(after.conversationId).toBe(before.conversationId);
      expect(after.token).not.toBe(before.token);
      expect(await tab.locator('#chat-notice').isHidden()).toBe(true);
    } finally {
      await tab.close();
    }
  }, 120000);

  it('shows a proactive message (a receptionist\'s reply) with its facts and a file, within the policy', async () => {
    // A new conversation in a new tab: the tab above keeps its own (sessionStorage is per tab).
    await page.close();
    page = await context.newPage();
    const tokenResponse = page.waitForResponse((r) => r.url().endsWith('/api/directline/token'));
    await page.goto(`${web.base}/`);
    const session = (await (await tokenResponse).json()) as { conversationId: string; userId: string };
    await page.locator('.webchat__bubble').filter({ hasText: /digitale assistent/ }).first().waitFor(WAIT);

    const reference = {
      channelId: LOCAL_DIRECT_LINE_CHANNEL_ID,
      serviceUrl: LOCAL_DIRECT_LINE_SERVICE_URL,
      conversation: { id: session.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      user: { id: session.userId, name: '', role: 'user' },
      bot: { id: web.adapter.bot.id, name: web.adapter.bot.name, role: 'bot' },
    };
    const reply = new ActivityRenderer().render(
      {
        text: 'Bericht van de receptie: uw afspraak staat **vast**. <img src=x alt="geen plaatje"> blijft tekst.',
        facts: [{ label: 'Wanneer', value: 'dinsdag 24 november, 10:00' }, { label: 'Waar', value: 'Locatie Centrum' }],
        file: { name: 'afspraak.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
      },
      'nl-NL',
      LOCAL_DIRECT_LINE_CHANNEL_ID,
    );
    await web.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity(reply);
    });

    await page.locator('.webchat__bubble').filter({ hasText: 'Bericht van de receptie' }).first().waitFor(WAIT);
    await page.getByText('Locatie Centrum').first().waitFor(WAIT);
    await page.getByText('afspraak.ics').first().waitFor(WAIT);
    // Markdown becomes markup; HTML in a message stays text.
    const message = page.locator('.webchat__bubble').filter({ hasText: 'Bericht van de receptie' }).first();
    expect(await message.locator('strong').allTextContents()).toEqual(['vast', 'Wanneer:', 'Waar:']);
    expect(await message.locator('img').count()).toBe(0);
    expect(await message.textContent()).toContain('<img src=x alt="geen plaatje"> blijft tekst.');
    await page.screenshot({ path: SCREENSHOT.replace('.png', '-2.png') });
    expect(await page.evaluate('window.__cspViolations')).toEqual([]);
    expect(offSite).toEqual([]);
  }, 120000);
});
