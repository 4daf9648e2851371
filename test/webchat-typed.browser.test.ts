import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { loadValidatedKnowledge } from '../src/knowledge';
import { launchBrowser } from './helpers/browser';
import { startWebApp, type WebTestApp } from './helpers/webChannel';

// The website chat on a 360 px wide phone screen, driven by typing only, in real Chromium.

const WAIT = { timeout: 30000 };
const SCREENSHOT = join(tmpdir(), 'fysio-webchat-360.png');
const SCREENING = loadValidatedKnowledge('knowledge').screening['nl-NL'].questions.map(() => 'nee');

describe('website chat on a phone, typed', () => {
  let web: WebTestApp;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser(web.base, { width: 360, height: 740 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  /** The booking's reference, as the confirmation showed it. */
  let reference = '';
  const botBubbles = (text: RegExp) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').filter({ hasText: text });

  /** Types a message as a patient does and waits for a new bot message matching `expected`. */
  async function type(text: string, expected: RegExp): Promise<void> {
    const before = await botBubbles(expected).count();
    const input = page.getByRole('textbox').first();
    await input.fill(text);
    await input.press('Enter');
    try {
      // The page's policy forbids eval, so no waitForFunction: the locator waits for the (n+1)th match.
      await botBubbles(expected).nth(before).waitFor(WAIT);
    } catch (e) {
      await page.screenshot({ path: SCREENSHOT.replace('.png', '-failed.png') });
      const last = await page.locator('.webchat__bubble').last().textContent();
      const log = web.sink.lines.slice(-12).map((l) => l.slice(0, 300)).join('\n');
      throw new Error(`after typing "${text}" no reply matching ${expected} came; the last message: ${last}\n${log}`, { cause: e });
    }
  }

  /** The conversation id the tab keeps. */
  async function keptConversation(): Promise<string> {
    return ((await page.evaluate("JSON.parse(sessionStorage.getItem('fysio-assistent.session'))")) as { conversationId: string }).conversationId;
  }

  async function open(): Promise<void> {
    await page.goto(`${web.base}/`);
    await botBubbles(/digitale assistent/).first().waitFor(WAIT);
  }

  async function toSummary(): Promise<void> {
    await type('ik wil een afspraak maken', /Ga je hiermee akkoord/);
    await type('ja', /Over welk gewricht/);
    await type('de knie', /Aan welke kant/);
    await type('links', /Sinds wanneer/);
    await type('een paar maanden', /verwijzing/);
    await type('nee', /korte vragen/);
    for (const answer of SCREENING.slice(0, -1)) await type(answer, /\?/);
    await type(SCREENING[SCREENING.length - 1], /Deze tijden zijn vrij/);
    await type('de eerste', /voor- en achternaam/);
    await type('Jolanda Verbeek', /geboortedatum/);
    await type('12 mei 81', /telefoonnummer/);
    await type('06 12345678', /e-mailadres/);
    await type('geen', /Klopt dit\?/);
  }

  it('books by typing "ja" at the confirmation, the summary fitting a 360 px screen', async () => {
    await open();
    await toSummary();
    // The summary once, its facts as bold labels on lines of their own, nothing wider than the screen.
    const summary = botBubbles(/Klopt dit\?/);
    expect(await summary.count()).toBe(1);
    expect(await summary.locator('strong').allTextContents()).toEqual(expect.arrayContaining(['Wanneer:', 'Naam:', 'Geboortedatum:', 'Telefoon:']));
    const layout = (await page.evaluate(`(() => {
      const label = [...document.querySelectorAll('.webchat__bubble strong')].find((e) => e.textContent === 'Geboortedatum:');
      const name = [...document.querySelectorAll('.webchat__bubble strong')].find((e) => e.textContent === 'Naam:');
      const bubble = label.closest('.webchat__bubble');
      return {
        labelLines: label.getClientRects().length,
        ownLine: Math.round(label.getBoundingClientRect().top) > Math.round(name.getBoundingClientRect().top),
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        bubbleRight: bubble.getBoundingClientRect().right,
      };
    })()`)) as { labelLines: number; ownLine: boolean; pageOverflow: number; bubbleRight: number };
    await page.screenshot({ path: SCREENSHOT });
    expect(layout.labelLines).toBe(1);
    expect(layout.ownLine).toBe(true);
    expect(layout.pageOverflow).toBeLessThanOrEqual(0);
    expect(layout.bubbleRight).toBeLessThanOrEqual(360);

    await type('ja', /Je afspraak is bevestigd/);
    reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec((await botBubbles(/Je afspraak is bevestigd/).first().textContent()) ?? '')![1];
    await page.getByText('afspraak.ics').first().waitFor(WAIT);
    expect(await web.app.database.bookings.listChanged(new Date(0), 10)).toHaveLength(1);
  }, 240000);

  it('keeps the conversation over a page reload: a booking goes on, and delete-my-data finds the earlier one', async () => {
    // The same tab as the booking above: the reloaded page is that conversation, transcript and all.
    const conversationBefore = await keptConversation();
    await page.reload();
    await botBubbles(/Je afspraak is bevestigd/).first().waitFor(WAIT);
    // The reference needed to cancel is still on screen, with the earlier messages around it.
    expect(await botBubbles(new RegExp(reference)).count()).toBe(1);
    expect(await page.locator('.webchat__bubble--from-user').filter({ hasText: 'Jolanda Verbeek' }).count()).toBe(1);
    expect(await keptConversation()).toBe(conversationBefore);
    await type('afspraak maken', /Ga je hiermee akkoord/);
    await type('klopt', /Over welk gewricht/);
    await page.reload();
    await botBubbles(/Over welk gewricht/).first().waitFor(WAIT);
    await type('heup', /Aan welke kant/);
    await type('later', /opzij/);
    await page.reload();
    // Typed only once the page has its conversation back (its transcript shows again).
    await botBubbles(/opzij/).first().waitFor(WAIT);
    await type('verwijder mijn gegevens', /Wil je dat ik alles verwijder/);
    await type('ja', /Klaar/);
    expect(await botBubbles(/Klaar/).first().textContent()).toMatch(/1 afspraak \(die is ook geannuleerd\)/);
    // The row stays for the practice as cancelled, without the patient's details.
    const left = await web.app.database.bookings.listChanged(new Date(0), 10);
    expect(left.map((b) => [b.status, b.name, b.phone, b.userKey])).toEqual([['cancelled', '', '', '']]);
    // A reload shows only what was said after the deletion: not the name, not the reference.
    await page.reload();
    await botBubbles(/Klaar/).first().waitFor(WAIT);
    expect(await page.locator('.webchat__bubble--from-user').filter({ hasText: 'Jolanda Verbeek' }).count()).toBe(0);
    expect(await botBubbles(new RegExp(reference)).count()).toBe(0);
  }, 240000);

  it('starts over with "Nieuw gesprek": the earlier messages are gone and the new conversation answers', async () => {
    const before = await keptConversation();
    await type('hoe lang duurt een behandeling', /./);
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Nieuw gesprek' }).click();
    await reloaded;
    await botBubbles(/digitale assistent/).first().waitFor(WAIT);
    expect(await keptConversation()).not.toBe(before);
    expect(await page.locator('.webchat__bubble--from-user').count()).toBe(0);
    expect(await page.locator('#chat-notice').isHidden()).toBe(true);
    await type('wat kost een afspraak', /€|euro|kost/i);
  }, 120000);

  it('shows keyboard focus on the message box and on every control', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    const seen = new Map<string, { outline: number; ring: boolean }>();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const focused = (await page.evaluate(`(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        // The message box shows its ring on the box around it.
        const ringOn = e.matches('input, textarea') ? e.closest('.webchat__send-box-text-box') || e : e;
        const s = getComputedStyle(ringOn);
        const name = e.tagName + ':' + (e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent || '').trim().slice(0, 30);
        return { name, outline: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth), ring: s.boxShadow !== 'none' };
      })()`)) as { name: string; outline: number; ring: boolean } | null;
      if (focused) seen.set(focused.name, focused);
    }
    const names = [...seen.keys()];
    expect(names.some((n) => /Nieuw gesprek/.test(n))).toBe(true);
    expect(names.some((n) => /^INPUT:Vak voor berichtinvoer/.test(n))).toBe(true);
    expect(names.some((n) => /Versturen/.test(n))).toBe(true);
    expect(names.some((n) => /Privacyverklaring/.test(n))).toBe(true);
    for (const [name, style] of seen) expect({ name, visible: style.outline >= 2 }).toEqual({ name, visible: true });
  });

  it('starts a fresh conversation with a short note when the kept one has expired, never an error', async () => {
    const before = await keptConversation();
    // Longer than the token lives (DIRECT_LINE_TOKEN_TTL_SECONDS, 30 minutes by default) with the tab left alone.
    web.clock.advance(31 * 60 * 1000);
    await page.reload();
    await botBubbles(/digitale assistent/).first().waitFor(WAIT);
    const notice = page.getByRole('status').filter({ hasText: /verlopen/ });
    await notice.waitFor(WAIT);
    expect(await notice.textContent()).toMatch(/nieuw gesprek/);
    // Web Chat keeps an empty alert region for send errors: nothing may be in it, nor anywhere else.
    expect(await page.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
    expect(await keptConversation()).not.toBe(before);
    await type('wat kost een afspraak', /€|euro|kost/i);
  }, 120000);
});
