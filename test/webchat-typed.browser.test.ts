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
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

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
    // The summary once, as a card, its labels on one line and nothing wider than the screen.
    await page.locator('.ac-factset').first().waitFor(WAIT);
    expect(await page.locator('.ac-factset').count()).toBe(1);
    expect(await page.locator('.webchat__bubble').filter({ hasText: /Klopt dit\?/ }).count()).toBe(1);
    const layout = (await page.evaluate(`(() => {
      const label = [...document.querySelectorAll('.ac-factset *')].find((e) => e.children.length === 0 && e.textContent === 'Geboortedatum');
      const range = document.createRange();
      range.selectNodeContents(label);
      const card = label.closest('.ac-adaptiveCard');
      return {
        labelLines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        cardRight: card.getBoundingClientRect().right,
      };
    })()`)) as { labelLines: number; pageOverflow: number; cardRight: number };
    await page.screenshot({ path: SCREENSHOT });
    expect(layout.labelLines).toBe(1);
    expect(layout.pageOverflow).toBeLessThanOrEqual(0);
    expect(layout.cardRight).toBeLessThanOrEqual(360);

    await type('ja', /Je afspraak is bevestigd/);
    await page.getByText('afspraak.ics').first().waitFor(WAIT);
    expect(await web.app.database.bookings.listChanged(new Date(0), 10)).toHaveLength(1);
  }, 240000);

  it('keeps the conversation over a page reload: a booking goes on, and delete-my-data finds the earlier one', async () => {
    // The same tab as the booking above: the reloaded page is that conversation, transcript and all.
    await page.reload();
    await botBubbles(/Je afspraak is bevestigd/).first().waitFor(WAIT);
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
  }, 240000);
});
