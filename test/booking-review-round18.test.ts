import { bookingKit, type Locale } from './helpers/bookingScript';

// Flows a reviewer's round 18 left wrong, typed as patients type, nl-NL and nl-BE, with the
// tests' clock: a refusal of the call back read as its yes.

const { talk } = bookingKit();

const ASKS_NUMBER = /Op welk nummer kunnen we je terugbellen/;

describe('at the callback offer, a part that refuses the call is a no to it', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'bel me niet, ik wil liever een medewerker in de chat'],
    ['nl-NL', 'ik wil niet gebeld worden. Een medewerker mag me mailen'],
    ['nl-BE', 'bel mij nie, ik wil liever iemand in de chat'],
    ['nl-BE', 'ik wil niet gebeld worden, een medewerker mag mij mailen'],
  ])('%s: "%s" asks no number', async (locale, refusal) => {
    const r = await talk(locale, ['ik wil een medewerker spreken', refusal]);
    expect(r[0].text).toMatch(/terugbelt\?/);
    expect(r[1].text).not.toMatch(ASKS_NUMBER);
    expect(r[1].text).toMatch(/zelf bellen/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik ben niet suicidaal, ik ben boos. geef me gewoon een medewerker'],
    ['nl-NL', 'ja, bel me maar'],
    ['nl-BE', 'ik ben nie suicidaal, ik ben boos. geef mij gewoon een medewerker'],
  ])('%s: "%s" is still a yes', async (locale, yes) => {
    const r = await talk(locale, ['ik wil een medewerker spreken', yes]);
    expect(r[1].text).toMatch(ASKS_NUMBER);
  });
});
