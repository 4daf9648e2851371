import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { hashPassword } from '../src/console/ConsoleUsers';
import { startWebApp, type WebTestApp } from './helpers/webChannel';

const WAIT = { timeout: 30000 };
const PASSWORD = 'correct horse battery';

describe('handoff in real browsers: website chat and receptionist console', () => {
  let web: WebTestApp;
  let context: BrowserContext;

  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    web = await startWebApp({ CONSOLE_USERS: `anna=${hashPassword(PASSWORD)}` });
    browser = await launchBrowser(web.base, { width: 1000, height: 800 });
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('patient asks for a person → ticket in the console → reply reaches the patient → release → bot answers again', async () => {
    // The receptionist signs in (the console redirects there first).
    const staff: Page = await context.newPage();
    await staff.goto(`${web.base}/console`);
    await staff.waitForURL(/\/console\/signin$/, WAIT);
    await staff.getByLabel('Naam').fill('anna');
    await staff.getByLabel('Wachtwoord').fill(PASSWORD);
    await staff.getByRole('button', { name: 'Inloggen' }).click();
    await staff.waitForURL(/\/console$/, WAIT);
    await staff.getByText('Geen open gesprekken.').waitFor(WAIT);

    // The patient asks for a person in the website chat.
    const patient: Page = await context.newPage();
    await patient.goto(`${web.base}/`);
    const bubble = (text: RegExp | string) => patient.locator('.webchat__bubble').filter({ hasText: text });
    await bubble(/digitale assistent/).first().waitFor(WAIT);
    const input = patient.getByRole('textbox').first();
    await input.fill('Ik wil een medewerker spreken');
    await input.press('Enter');
    await patient.getByRole('button', { name: 'In de chat wachten' }).first().waitFor(WAIT);
    await patient.screenshot({ path: join(tmpdir(), 'fysio-handoff-choice.png') });
    await patient.getByRole('button', { name: 'In de chat wachten' }).first().click();
    await bubble(/medewerker gevraagd/).first().waitFor(WAIT);
    await input.fill('<script>window.pwned = 1</script><b>Hallo</b>, mijn knie doet pijn');
    await input.press('Enter');

    // The ticket appears in the live queue; the patient's markup shows as text.
    const ticket = staff.locator('#queue button').first();
    await ticket.waitFor(WAIT);
    await ticket.click();
    const transcript = staff.locator('#transcript');
    await transcript.getByText('<script>window.pwned = 1</script><b>Hallo</b>, mijn knie doet pijn').waitFor(WAIT);
    expect(await transcript.locator('b, script').count()).toBe(0);
    expect(await staff.evaluate('window.pwned')).toBeUndefined();

    // The receptionist replies; the patient sees it.
    await staff.getByLabel('Antwoord aan de patiënt').fill('Goedemiddag, ik kijk even met u mee.');
    await staff.getByRole('button', { name: 'Versturen' }).click();
    await bubble(/Medewerker: Goedemiddag, ik kijk even met u mee\./).first().waitFor(WAIT);

    // Back to the bot: the patient is told and the bot answers again.
    await staff.getByRole('button', { name: 'Terug naar de assistent' }).click();
    await bubble(/weer met de digitale assistent/).first().waitFor(WAIT);
    await input.fill('Helpt afvallen bij knieartrose?');
    await input.press('Enter');
    await bubble(/kilo|gewicht/i).first().waitFor(WAIT);
    await staff.screenshot({ path: join(tmpdir(), 'fysio-console.png') });
    await patient.screenshot({ path: join(tmpdir(), 'fysio-handoff-patient.png') });
  });
});
