import { bookingKit, no, person, referenceIn, screeningNo, wholeBooking, type Locale } from './helpers/bookingScript';
import { conversationIdOf, testAdapterFor } from './helpers/testApp';
import type { TestAdapter } from 'botbuilder';

// What an eighteenth patient-style test found lost or stuck after a booking: a name or a date of
// birth said to be wrong right after the confirmation got the cancel, move or keep question (with
// "no problem" to "that's not right"), and the corrected value reached nobody, where a phone
// number did. Typed as patients type, the tester's family of wordings in our own words, nl-NL and
// nl-BE, with the tests' clock.

const { talk, appOf, booked, bookOne } = bookingKit();
const MENU = /annuleren, (verzetten|verplaatsen) of toch laten staan/;

/** The detail-correction ticket of a conversation, and the note the receptionist reads in it. */
async function ticketOf(locale: Locale, adapter: TestAdapter) {
  const ticket = (await appOf(locale).handoff.queue()).find((t) => t.conversationId === conversationIdOf(adapter));
  return { ticket, note: ticket?.messages.find((m) => m.from === 'system')?.text ?? '' };
}

describe('a name or date of birth said to be wrong right after the booking is passed on, not lost', () => {
  it.each<[Locale, string[], string]>([
    ['nl-BE', ['klopt nie, mijn voornaam is Jozef'], 'Jozef Peeters'],
    ['nl-BE', ['mijn naam is mis geschreven, het moet Miekje Peeters zijn'], 'Miekje Peeters'],
    ['nl-BE', ['oei, de achternaam is Peters, niet Peeters'], 'Mieke Peters'],
    ['nl-NL', ['klopt niet, mijn achternaam is Smid'], 'Gerda Smid'],
    ['nl-NL', ['mijn naam is verkeerd gespeld, het moet Gerda Smits zijn'], 'Gerda Smits'],
    ['nl-NL', ['sorry, de naam klopt niet', 'Gerda Smid'], 'Gerda Smid'],
    ['nl-NL', ['klopt niet, mijn geboortedatum is 4-9-1949'], '04-09-1949'],
    ['nl-BE', ['oei, mijn geboortedatum klopt nie', '4/9/1949'], '04-09-1949'],
  ])('%s: %j', async (locale, said, kept) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const r = await talk(locale, [...wholeBooking(locale), ...said], adapter);
    const confirmation = r[r.length - 1 - said.length].text;
    const reference = referenceIn(confirmation);
    const after = r.slice(-said.length);
    for (const t of after) {
      expect(t.text).not.toMatch(MENU);
      expect(t.text).not.toMatch(/Geen probleem|geen goed antwoord|begreep ik niet/);
    }
    const done = after[after.length - 1].text;
    expect(done).toMatch(/doorgegeven/);
    expect(done).toContain(reference);
    expect((await booked(locale, confirmation)).status).toBe('confirmed');
    const { ticket, note } = await ticketOf(locale, adapter);
    expect(ticket?.reason).toBe('detail-correction');
    expect(note).toContain(reference);
    expect(note).toContain(kept);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'mijn naam is Gerda Smit'],
    ['nl-BE', 'ik ben Mieke Peeters, tot dan'],
  ])('%s: the name as booked ("%s") corrects nothing', async (locale, said) => {
    const r = await talk(locale, [...wholeBooking(locale), said]);
    expect(r[r.length - 1].text).not.toMatch(/doorgegeven|Welke naam/);
  });

  it.each<[Locale, string, string, string]>([
    ['nl-NL', 'ik wil een afspraak maken voor mijn opa', 'Henk de Vries', 'Henk de Vriess'],
    ['nl-BE', 'ik wil een afspraak maken voor mijne bompa', 'Jef Claes', 'Jef Claeys'],
  ])('%s: a grandparent\'s surname spelled wrong is asked and passed on', async (locale, opening, name, right) => {
    const adapter = testAdapterFor(appOf(locale), locale);
    const p = person(locale);
    const r = await talk(locale, [
      opening, 'ja', 'knie', 'links', 'een paar maanden', no(locale), ...screeningNo(locale), '1', name, p.birth, p.phone, 'geen', 'ja',
      'klopt niet, zijn achternaam is met 2 s', `de naam moet ${right} zijn`,
    ], adapter);
    expect(r[r.length - 2].text).toMatch(/Welke naam moet er bij de afspraak staan/);
    expect(r[r.length - 1].text).toMatch(/doorgegeven/);
    expect((await ticketOf(locale, adapter)).note).toContain(right);
  });
});

describe('days later, a wrong detail said at the booking looked up is passed on too', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'de naam klopt niet, het moet Gerda Smid zijn', 'Gerda Smid'],
    ['nl-BE', 'kan je mijn gsm-nummer nog aanpassen? het is 0486 11 22 33', '0486 11 22 33'],
    ['nl-BE', 'mijn geboortedatum is verkeerd, het is 4/9/1949', '04-09-1949'],
  ])('%s: "%s"', async (locale, said, kept) => {
    const reference = await bookOne(locale);
    const adapter = testAdapterFor(appOf(locale), locale);
    const r = await talk(locale, ['afspraak verzetten of annuleren', reference, person(locale).birth, said], adapter);
    expect(r[r.length - 1].text).toMatch(/doorgegeven/);
    const { ticket, note } = await ticketOf(locale, adapter);
    expect(ticket?.reason).toBe('detail-correction');
    expect(note).toContain(reference);
    expect(note).toContain(kept);
  });
});

describe('a mistake right after the booking says what happens, not "no problem"', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'klopt niet'],
    ['nl-BE', 'klopt nie'],
  ])('%s: "%s"', async (locale, said) => {
    const r = await talk(locale, [...wholeBooking(locale), said]);
    const last = r[r.length - 1];
    expect(last.text).not.toMatch(/Geen probleem/);
    expect(last.text).toMatch(MENU);
  });
});

describe('the summary card shows the phone number as the patient dials it', () => {
  it.each<[Locale, string, string, string]>([
    ['nl-NL', '0612345678', '06 12345678', '+31612345678'],
    ['nl-NL', '+31 6 12345678', '06 12345678', '+31612345678'],
    ['nl-BE', '0478123456', '0478 12 34 56', '+32478123456'],
    ['nl-BE', '+32 478 12 34 56', '0478 12 34 56', '+32478123456'],
  ])('%s: "%s" is shown as %s and kept as %s', async (locale, typed, shown, kept) => {
    const r = await talk(locale, [...wholeBooking(locale).slice(0, -3), typed, 'geen', 'ja']);
    const card = r[r.length - 2].cards;
    expect(card).toContain(shown);
    expect(card).not.toContain(kept);
    expect((await booked(locale, r[r.length - 1].text)).phone).toBe(kept);
  });
});
