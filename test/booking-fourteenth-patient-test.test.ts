import { bookingKit, type Locale } from './helpers/bookingScript';

// Prompts a fourteenth patient-style test found stuck or answered beside the point: the words
// that end every question ("stop", "never mind") and a request for an appointment at the
// callback's number question, which got "that is no valid phone number" until the third slip.
// Typed as patients type, the tester's wordings and our own, nl-NL and nl-BE, with the tests' clock.

const { talk } = bookingKit();
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
