import { bookingKit, no, person, referenceIn, screeningNo, type Locale } from './helpers/bookingScript';
import { testAdapterFor } from './helpers/testApp';

// Prompts a fourteenth patient-style test found stuck or answered beside the point: the words
// that end every question ("stop", "never mind") and a request for an appointment at the
// callback's number question, which got "that is no valid phone number" until the third slip;
// and a question about one's appointment with its code in it ("is my appointment XQY-JDX still on
// Tuesday?"), which passed the code over, so that the date of birth typed next got "no good answer".
// Typed as patients type, the tester's wordings and our own, nl-NL and nl-BE, with the tests' clock.

const { talk, appOf, bookOne } = bookingKit();
const INVALID_NUMBER = /geen geldig/;

describe('at the callback number question the stop words end the callback', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik wil iemand spreken', 'stop'],
    ['nl-NL', 'kan iemand mij bellen', 'stoppen'],
    ['nl-NL', 'ik wil iemand spreken', 'laat maar'],
    ['nl-NL', 'kan iemand mij terugbellen', 'annuleer'],
    ['nl-NL', 'ik wil iemand spreken', 'hou op'],
    ['nl-BE', 'kan ik iemand spreken aub', 'stop'],
    ['nl-BE', 'ik wil iemand spreken', 'laat maar zitten'],
    ['nl-BE', 'kan iemand mij bellen', 'vergeet het maar'],
  ])('%s: "%s", yes, then "%s"', async (locale, ask, stop) => {
    const r = await talk(locale, [ask, 'ja', stop, 'afspraak maken']);
    expect(r[1].text).toMatch(/Op welk nummer/);
    expect(r[2].text).not.toMatch(INVALID_NUMBER);
    expect(r[2].text).toMatch(/zelf bellen/);
    // The callback has ended: the next message is a request of its own, not a number or a reason.
    expect(r[3].text).toMatch(/Voor een afspraak stel ik je/);
  });
});

describe('at the callback number question a request for an appointment starts the booking', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'kan iemand mij bellen', 'nee, ik wil een afspraak'],
    ['nl-NL', 'kan iemand mij bellen', 'afspraak maken'],
    ['nl-NL', 'ik wil iemand spreken', 'nee laat maar, ik wil gewoon een afspraak maken'],
    ['nl-NL', 'ik wil iemand spreken', 'ik wil liever een afspraak inplannen'],
    ['nl-BE', 'kan ik iemand spreken aub', 'neen, ik wil een afspraak'],
    ['nl-BE', 'ik wil iemand spreken', 'afspraak maken'],
  ])('%s: "%s", yes, then "%s"', async (locale, ask, answer) => {
    const r = await talk(locale, [ask, 'ja', answer, 'ja']);
    expect(r[2].text).not.toMatch(INVALID_NUMBER);
    expect(r[2].text).not.toMatch(/geef ik door aan de medewerker/);
    expect(r[2].text).toMatch(/Voor een afspraak stel ik je/);
    expect(r[3].text).toMatch(/Over welk gewricht|Aan welke kant/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'het gaat over mijn rekening'],
    ['nl-BE', 'over de factuur van vorige maand'],
  ])('%s: what the call is about ("%s") is still taken before the number', async (locale, reason) => {
    const r = await talk(locale, ['ik wil iemand spreken', 'ja', reason, locale === 'nl-NL' ? '0612345678' : '0470123456']);
    expect(r[2].text).toMatch(/geef ik door aan de medewerker/);
    expect(r[3].text).toMatch(/belt je terug/);
  });
});

describe('a question about one\'s appointment with its code in it looks the appointment up', () => {
  it.each<[Locale, (code: string) => string]>([
    ['nl-NL', (code) => `staat mijn afspraak ${code} nog op dinsdag?`],
    ['nl-NL', (code) => `wanneer is mijn afspraak ${code} ook alweer`],
    ['nl-BE', (code) => `staat mijn afspraak ${code} nog op dinsdag?`],
    ['nl-BE', (code) => `hoe laat is mijn afspraak met referentie ${code}?`],
  ])('%s (%#): in another chat, the date of birth is asked and the appointment shown', async (locale, typed) => {
    const reference = await bookOne(locale);
    const r = await talk(locale, [typed(reference), person(locale).birth]);
    expect(r[0].text).toMatch(/geboortedatum/);
    expect(r[0].text).not.toMatch(/Heb je je referentie nog/);
    expect(r[1].text).not.toMatch(/geen goed antwoord/);
    expect(r[1].actions).toContain('Annuleren');
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: in the chat that made it, right after the booking', async (locale) => {
    const p = person(locale);
    const adapter = testAdapterFor(appOf(locale), locale);
    const made = await talk(locale, ['afspraak maken', 'ja', 'heup', 'rechts', 'een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja'], adapter);
    const reference = referenceIn(made[made.length - 1].text);
    const r = await talk(locale, [`staat mijn afspraak ${reference} nog op dinsdag?`, p.birth], adapter);
    expect(r[0].text).toMatch(/geboortedatum/);
    expect(r[1].text).not.toMatch(/geen goed antwoord/);
    expect(r[1].actions).toContain('Annuleren');
  });
});
