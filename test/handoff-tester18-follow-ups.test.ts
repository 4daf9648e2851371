import { bookingKit, type Locale } from './helpers/bookingScript';
import { closedPractices } from './helpers/closedPractices';
import { conversationIdOf, converse, testAdapterFor } from './helpers/testApp';

// Follow-ups of an eighteenth patient-style test of the handoff: a red flag typed at the choice
// between the chat and a call back was answered, but the request for a person was dropped, so
// the practice never saw the patient or the sign.
const { appOf, signIn } = bookingKit();
const ticketOf = async (locale: Locale, conversation: string) =>
  (await appOf(locale).handoff.queue()).find((t) => t.conversationId === conversation);

describe('a red flag typed at the choice between the chat and a call back', () => {
  let stops: (() => void)[] = [];
  beforeEach(() => { stops = [signIn('nl-NL'), signIn('nl-BE')]; });
  afterEach(() => { for (const stop of stops) stop(); });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'ik ben net gevallen en kan niet meer op mijn been staan', /vandaag nog door een arts/],
    ['nl-BE', 'ik ben gevallen en ik kan nie meer op mijn been staan', /vandaag nog door een dokter/],
  ])('%s: "%s" gets its instruction, and the receptionist sees the patient with the tier', async (locale, flag, instruction) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const [offer, answer] = await converse(adapter, ['ik wil iemand spreken', flag]);
    expect(offer.actions).toEqual(['In de chat wachten', 'Terugbellen']);
    expect(answer.text).toMatch(instruction);
    expect(answer.text).not.toMatch(/nog niet doorgegeven/);
    expect(answer.text).toMatch(/doorgegeven/);
    const ticket = await ticketOf(locale, conversationIdOf(adapter));
    expect(ticket).toMatchObject({ status: 'waiting', safetyTier: 'now' });
    expect(ticket?.messages.map((m) => m.text)).toContain(flag);
    // The patient waits in the chat: the next message goes to the practice.
    const [next] = await converse(adapter, ['hallo?']);
    expect(next.text).toBe('');
  });

  it('after 112 nothing else is said, and the receptionist still sees it first', async () => {
    const adapter = testAdapterFor(appOf('nl-NL'), 'nl-NL');
    const [, answer] = await converse(adapter, ['kan ik een medewerker spreken', 'mijn vader zijn mond hangt ineens scheef en hij praat raar']);
    expect(answer.text).toMatch(/^Bel nu 112\./);
    expect(answer.text).not.toMatch(/doorgegeven/);
    expect(await ticketOf('nl-NL', conversationIdOf(adapter))).toMatchObject({ safetyTier: '112' });
  });
});

// After hours, an angry request for a person that refused the call back heard "you can call us
// yourself", and nothing of it was kept: the practice never read the complaint.
describe('after hours, a patient who wants the chat and no call back', () => {
  const { closed, ticketAt } = closedPractices();

  it.each<[Locale, string, string, string]>([
    ['nl-NL', 'IK WIL NU IEMAND SPREKEN!!! dit is al de 3e keer dat niemand terugbelt', 'CHAT! niet terugbellen', 'ja'],
    ['nl-BE', 'ik wil iemand spreken, er belt nooit iemand terug', 'neen ik wil chatten, niet gebeld worden', 'ja graag'],
  ])('%s: "%s", then "%s", may leave a message that the practice reads when it opens', async (locale, angry, refusal, yes) => {
    const adapter = testAdapterFor(closed[locale], locale);
    const complaint = 'al drie keer beloofd dat er iemand zou bellen en er belt nooit iemand, ik wil een gesprek met de praktijkhouder';
    const r = await converse(adapter, [angry, refusal, yes, complaint]);
    expect(r[1].text).toMatch(/bericht achterlaten/);
    expect(r[1].text).toMatch(/Openings(tijden|uren)/);
    expect(r[1].actions).toEqual(['Ja', locale === 'nl-NL' ? 'Nee' : 'Neen']);
    expect(r[2].text).toMatch(/bericht/);
    expect(r[3].text).toMatch(/bericht/);
    const ticket = await ticketAt(locale, conversationIdOf(adapter));
    expect(ticket?.status).toBe('callback');
    expect(ticket?.callbackPhone).toBeUndefined();
    expect(ticket?.messages.map((m) => m.text)).toContain(complaint);
    // The bot is not silent afterwards: nobody reads along before the practice opens.
    const [next] = await converse(adapter, ['mag ik fietsen met knieartrose?']);
    expect(next.text).toMatch(/fiets/i);
  });

  it('a no to leaving a message says how to reach the practice, and keeps nothing', async () => {
    const adapter = testAdapterFor(closed['nl-NL'], 'nl-NL');
    const r = await converse(adapter, ['ik wil iemand spreken', 'nee ik wil chatten', 'nee']);
    expect(r[1].text).toMatch(/bericht achterlaten/);
    expect(r[2].text).toMatch(/zelf bellen/);
    expect(await ticketAt('nl-NL', conversationIdOf(adapter))).toBeUndefined();
  });

  it('a red flag in the message gets its instruction, and the message is kept with the tier', async () => {
    const adapter = testAdapterFor(closed['nl-NL'], 'nl-NL');
    const flag = 'ik ben net gevallen en kan niet meer op mijn been staan';
    const r = await converse(adapter, ['ik wil iemand spreken', 'nee ik wil chatten', 'ja', flag]);
    expect(r[3].text).toMatch(/vandaag nog door een arts/);
    expect(r[3].text).toMatch(/bericht is doorgegeven/);
    expect(await ticketAt('nl-NL', conversationIdOf(adapter))).toMatchObject({ status: 'callback', safetyTier: 'now' });
  });

  it('a plain no to the call back is still a plain no', async () => {
    const adapter = testAdapterFor(closed['nl-NL'], 'nl-NL');
    const r = await converse(adapter, ['ik wil iemand spreken', 'nee']);
    expect(r[1].text).toMatch(/zelf bellen/);
  });
});

// The Flemish lookup said "zoek ik hem op" of the appointment, which is "ze" everywhere else in
// Flemish ("zoals ze was"); Dutch says "hem" and "hij".
describe('the appointment is one gender per locale', () => {
  const { talk } = bookingKit();
  it.each<[Locale, string, RegExp, RegExp]>([
    ['nl-NL', 'nee, ik heb al een afspraak', /zoek ik hem op/, /zoek ik ze op/],
    ['nl-BE', 'neen, ik heb al een afspraak', /zoek ik ze op/, /zoek ik hem op/],
  ])('%s: "%s" at the call back offer', async (locale, answer, right, wrong) => {
    const r = await talk(locale, ['ik wil iemand spreken', answer]);
    expect(r[1].text).toMatch(right);
    expect(r[1].text).not.toMatch(wrong);
  });
});
