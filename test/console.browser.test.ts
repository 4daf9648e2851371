import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../src/console/ConsoleUsers';
import { launchBrowser } from './helpers/browser';
import { startWebApp, type WebTestApp } from './helpers/webChannel';

// The receptionist's console in real Chromium, with a patient in the website chat and one on a
// Bot Framework channel: alerts, queue details, replying with Enter, closing, history, bookings.

const WAIT = { timeout: 30000 };
const PASSWORD = 'correct horse battery';
const BOOK = ['Afspraak maken', 'ja', 'Knie', 'Links', 'een paar maanden', 'nee', ...Array(7).fill('nee'), '1', 'Jolanda Verbeek', '14-03-1961', '0612345678', 'geen', 'Bevestigen'];

/** Waits until `check` holds, asking again every 100 ms (the console's policy forbids waitForFunction's eval). */
async function until<T>(read: () => Promise<T>, check: (v: T) => boolean, what: string): Promise<T> {
  const end = Date.now() + WAIT.timeout;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

describe('receptionist console in Chromium', () => {
  let web: WebTestApp;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let staff: Page;
  let patient: Page;
  let channel: Server;
  let channelUrl: string;
  let reference = '';

  beforeAll(async () => {
    web = await startWebApp({ CONSOLE_USERS: `anna=${hashPassword(PASSWORD)}` });
    // Where the bot's messages to the Bot Framework patient go.
    channel = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"1"}');
      });
    });
    await new Promise<void>((r) => channel.listen(0, '127.0.0.1', () => r()));
    channelUrl = `http://127.0.0.1:${(channel.address() as { port: number }).port}`;
    browser = await launchBrowser(web.base, { width: 1280, height: 900 });
    // Records the notifications the console shows (the real ones still go to the browser) and
    // whether it asked for permission. A fresh profile of a real Chromium has not decided yet
    // ("prompt") until the page asks; headless Chromium says "denied" until then.
    await browser.context.addInitScript(`
      window.__notifications = [];
      window.__asked = 0;
      const Real = window.Notification;
      window.Notification = class extends Real {
        constructor(title, options) {
          super(title, options);
          window.__notifications.push({ title, body: options && options.body });
        }
        static requestPermission() { window.__asked += 1; return Real.requestPermission(); }
      };
      const query = navigator.permissions.query.bind(navigator.permissions);
      navigator.permissions.query = async (d) => {
        const status = await query(d);
        return d.name === 'notifications' && !window.__asked && status.state !== 'granted' ? { state: 'prompt' } : status;
      };
    `);
    staff = await browser.context.newPage();
    patient = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    channel?.closeAllConnections();
    channel?.close();
  });

  /** A patient on a Bot Framework channel (as the Emulator is), typing. */
  async function emulatorSays(text: string): Promise<string> {
    const res = await fetch(`${web.base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', text, channelId: 'emulator', serviceUrl: channelUrl, deliveryMode: 'expectReplies', locale: 'nl-NL',
        conversation: { id: 'browser-jolanda' }, from: { id: 'jolanda' }, recipient: { id: 'bot' },
      }),
    });
    return ((await res.json()) as { activities: { text?: string }[] }).activities.map((a) => a.text ?? '').join('\n');
  }

  const bubble = (text: RegExp) => patient.locator('.webchat__bubble').filter({ hasText: text });
  async function patientTypes(text: string, expected: RegExp): Promise<void> {
    const before = await bubble(expected).count();
    const input = patient.getByRole('textbox').first();
    await input.fill(text);
    await input.press('Enter');
    await bubble(expected).nth(before).waitFor(WAIT);
  }
  const row = (text: RegExp | string) => staff.locator('#queue li').filter({ hasText: text });

  it('signs in; notifications only after the button asks; the sound choice is remembered', async () => {
    await staff.goto(`${web.base}/console`);
    await staff.getByLabel('Naam').fill('anna');
    await staff.getByLabel('Wachtwoord').fill(PASSWORD);
    await staff.getByRole('button', { name: 'Inloggen' }).click();
    await staff.waitForURL(/\/console$/, WAIT);
    await staff.getByText('Geen open gesprekken.').waitFor(WAIT);
    expect(await staff.title()).toBe('Receptie – gesprekken');
    // Nothing asked by itself: the button does.
    const ask = staff.getByRole('button', { name: 'Meldingen aanzetten' });
    await ask.waitFor(WAIT);
    expect(await staff.evaluate('window.__asked')).toBe(0);
    await browser.context.grantPermissions(['notifications'], { origin: web.base });
    await ask.click();
    await staff.getByText('Meldingen staan aan.').waitFor(WAIT);
    expect(await staff.evaluate('window.__asked')).toBe(1);
    expect(await ask.isHidden()).toBe(true);

    const sound = staff.getByLabel('Geluid bij een nieuw gesprek');
    expect(await sound.isChecked()).toBe(false);
    await sound.check();
    await staff.reload();
    await staff.getByText('Geen open gesprekken.').waitFor(WAIT);
    expect(await staff.getByLabel('Geluid bij een nieuw gesprek').isChecked()).toBe(true);
  });

  it('a new ticket: the tab title counts it, a notification shows (without patient text), the queue row says who, what, where and since when', async () => {
    await patient.goto(`${web.base}/`);
    await bubble(/digitale assistent/).first().waitFor(WAIT);
    const input = patient.getByRole('textbox').first();
    await input.fill('Ik wil een medewerker spreken');
    await input.press('Enter');
    await patient.getByRole('button', { name: 'In de chat wachten' }).first().click();
    await bubble(/medewerker gevraagd/).first().waitFor(WAIT);
    await until(() => staff.title(), (t) => t === '(1) Receptie – gesprekken', 'title after the first ticket');
    const notes = await until(() => staff.evaluate('window.__notifications') as Promise<{ title: string; body: string }[]>, (n) => n.length === 1, 'notifications');
    expect(notes[0]).toEqual({ title: 'Nieuw gesprek in de wachtrij', body: 'Website · vroeg om iemand' });
    await input.fill('Mag ik met mijn knieartrose gewoon blijven fietsen naar mijn werk, ongeveer twintig minuten per dag?');
    await input.press('Enter');
    const website = row('Website');
    await website.getByText('Mag ik met mijn knieartrose gewoon blijven fietsen naar mijn werk', { exact: false }).waitFor(WAIT);
    expect(await website.textContent()).toMatch(/Naam onbekend.*wacht.*Website · Nederlands · binnen 10:00 · wacht net/);

    // A patient who booked asks for a person on another channel; a red-flag ticket comes in last.
    for (const text of BOOK) {
      const reply = await emulatorSays(text);
      reference = /referentie is ([A-Z0-9-]+)/.exec(reply)?.[1] ?? reference;
    }
    expect(reference).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await emulatorSays('ik wil iemand spreken');
    await emulatorSays('In de chat wachten');
    await emulatorSays('Kan mijn afspraak een uur later?');
    await web.app.handoff.open({ reason: 'requested', channel: 'whatsapp', locale: 'nl-BE', conversationId: 'browser-red', reference: {}, transcript: [], safetyTier: 'now' });
    web.clock.advance(5 * 60_000);
    await until(() => staff.title(), (t) => t === '(3) Receptie – gesprekken', 'title after three tickets');
    await row('Jolanda Verbeek').getByText('Kan mijn afspraak een uur later?').waitFor(WAIT);
    const rows = await staff.locator('#queue li').allTextContents();
    expect(rows).toHaveLength(3);
    // Red flags first, marked in words (not by colour only).
    expect(rows[0]).toMatch(/^Waarschuwingsteken.*vroeg om iemand.*WhatsApp · Vlaams/);
    expect(rows[2]).toMatch(/Jolanda Verbeek.*Kan mijn afspraak een uur later\?.*Emulator · Nederlands/);
    expect(await staff.evaluate('window.__notifications.length')).toBe(3);
    await staff.screenshot({ path: join(tmpdir(), 'fysio-console-queue.png') });
  }, 120000);

  it('the selected ticket is marked; times in the transcript; Enter sends, Shift+Enter is a new line; replying takes the ticket', async () => {
    const button = row('Website').getByRole('button');
    await button.click();
    await until(() => button.getAttribute('aria-current'), (v) => v === 'true', 'aria-current');
    expect(await staff.locator('#queue button[aria-current="true"]').count()).toBe(1);
    const line = staff.locator('#transcript li').filter({ hasText: 'blijven fietsen' });
    expect(await line.locator('time').textContent()).toBe('10:00');

    const box = staff.getByLabel('Antwoord aan de patiënt');
    await box.fill('Goedemorgen, fietsen mag zeker.');
    await box.press('Shift+Enter');
    await box.pressSequentially('Bouw het rustig op.');
    expect(await box.inputValue()).toBe('Goedemorgen, fietsen mag zeker.\nBouw het rustig op.');
    await box.press('Enter');
    await bubble(/Medewerker: Goedemorgen, fietsen mag zeker\.\s*Bouw het rustig op\./).first().waitFor(WAIT);
    expect(await box.inputValue()).toBe('');
    expect(await staff.getByRole('button', { name: 'Overnemen' }).count()).toBe(0);
    await row('Website').getByText('door Anna').waitFor(WAIT);
    await until(() => staff.title(), (t) => t === '(2) Receptie – gesprekken', 'title once one ticket is taken');
  });

  it('closing tells the patient and hands back to the assistant, which answers the next question', async () => {
    await staff.getByRole('button', { name: 'Afsluiten / teruggebeld' }).click();
    await bubble(/De medewerker heeft het gesprek afgesloten\. Je praat nu weer met de digitale assistent/).first().waitFor(WAIT);
    const greetings = await bubble(/Hallo!/).count();
    await patientTypes('helpt afvallen bij knieartrose?', /gewicht|kilo/i);
    expect(await bubble(/Hallo!/).count()).toBe(greetings);
    await until(() => staff.title(), (t) => t === '(2) Receptie – gesprekken', 'title after closing');
    expect(await row('Website').count()).toBe(0);
  });

  it('finds closed tickets in the history by words, name and reference; says when nothing matches', async () => {
    const history = staff.locator('#history li');
    await history.filter({ hasText: 'blijven fietsen' }).waitFor(WAIT);
    const search = staff.getByLabel('Zoek op naam, referentie of woorden uit het gesprek');
    await search.fill('heupprothese');
    await search.press('Enter');
    await staff.getByText('Geen gesloten gesprekken gevonden.').waitFor(WAIT);
    expect(await history.count()).toBe(0);
    await search.fill('FIETSEN twintig');
    await search.press('Enter');
    await history.filter({ hasText: 'gesloten door Anna' }).waitFor(WAIT);
    expect(await history.count()).toBe(1);

    // Jolanda's ticket closes too: found by her name and by her booking's reference.
    await row('Jolanda Verbeek').getByRole('button').click();
    await staff.getByRole('button', { name: 'Terug naar de assistent' }).click();
    await until(() => staff.locator('#queue li').count(), (n) => n === 1, 'queue after handing back');
    for (const q of ['verbeek', reference.toLowerCase()]) {
      await search.fill(q);
      await search.press('Enter');
      await until(() => history.allTextContents(), (t) => t.length === 1 && /Jolanda Verbeek/.test(t[0]), `history for ${q}`);
    }
    await history.getByRole('button').click();
    await staff.locator('#transcript').getByText('Kan mijn afspraak een uur later?').waitFor(WAIT);
    expect(await staff.locator('#reply').isHidden()).toBe(true);
  });

  it('links a ticket to the booking; a cancelled booking stays in the table as "geannuleerd" without name or number', async () => {
    const link = staff.locator('#ticket-booking-link');
    expect(await link.textContent()).toMatch(new RegExp(`^${reference} · `));
    await link.click();
    const booked = staff.locator(`#bookings tr#booking-${reference}`);
    await until(() => staff.evaluate('document.activeElement && document.activeElement.id'), (id) => id === `booking-${reference}`, 'the linked booking has focus');
    const cells = await booked.locator('td').allTextContents();
    expect(cells.slice(4, 7)).toEqual(['Eerste afspraak artrose (45 min)', 'Jolanda Verbeek', '06 12345678']);
    expect(await staff.locator('#bookings-scope').textContent()).toMatch(/^Afspraken op /);

    for (const text of ['ik wil mijn afspraak annuleren', reference, '14-03-1961']) await emulatorSays(text);
    expect(await emulatorSays('Annuleren')).toMatch(/geannuleerd/);
    await staff.getByRole('button', { name: 'Filters wissen' }).click();
    await until(async () => (await booked.locator('td').allTextContents()).join(' | '), (t) => t.startsWith('geannuleerd'), 'the cancelled row');
    const after = await booked.locator('td').allTextContents();
    expect(after[0]).toBe('geannuleerd');
    expect(after[5]).toBe('–');
    expect(after[6]).toBe('–');
    expect(after[8]).not.toBe('–');
    expect(await staff.locator('#bookings').textContent()).not.toMatch(/Jolanda|06 12345678/);
    // The location filter: the booking shows at its own location, not at the other.
    const other = after[3] === 'Locatie Oost' ? 'Locatie Centrum' : 'Locatie Oost';
    await staff.getByLabel('Locatie').selectOption({ label: other });
    await until(() => booked.count(), (n) => n === 0, `bookings at ${other}`);
    await staff.getByLabel('Locatie').selectOption({ label: after[3] });
    await booked.waitFor(WAIT);
    await staff.screenshot({ path: join(tmpdir(), 'fysio-console-bookings.png'), fullPage: true });
  });

  it('every console control shows a visible focus ring when reached with the keyboard', async () => {
    await staff.reload();
    await staff.locator('#queue li').first().waitFor(WAIT);
    await staff.locator('#queue button').first().click();
    await staff.locator('#reply').waitFor({ state: 'visible', ...WAIT });
    await staff.evaluate('document.activeElement.blur()');
    await staff.keyboard.press('Tab');
    const seen = new Map<string, string>();
    // Around the page once (a date field takes several Tabs, one per part).
    for (let i = 0; i < 60; i++) {
      const [id, outline] = (await staff.evaluate(`(() => { const e = document.activeElement; const s = getComputedStyle(e);
        return [e.id || e.tagName + ':' + (e.textContent || '').trim().slice(0, 20), s.outlineStyle + ' ' + s.outlineWidth]; })()`)) as [string, string];
      if (seen.size > 1 && id === [...seen.keys()][0]) break;
      // Past the last control the focus leaves the page for a moment.
      if (!id.startsWith('BODY:')) seen.set(id, outline);
      await staff.keyboard.press('Tab');
    }
    for (const control of ['sound', 'signout', 'history-q', 'reply-text', 'release', 'close', 'filter-day', 'filter-location', 'filter-clear']) {
      expect([control, seen.get(control)]).toEqual([control, 'solid 3px']);
    }
    expect([...seen.entries()].filter(([, o]) => o !== 'solid 3px')).toEqual([]);
    expect(seen.size).toBeGreaterThan(12);
  });
});
