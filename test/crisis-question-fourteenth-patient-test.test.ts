import { bookingKit, type Locale } from './helpers/bookingScript';

// A no to the crisis question outside a flow, as a fourteenth patient-style test found it: "nee
// joh", "haha nee", "nee, het gaat wel" after "I have no wish left for it" got the answer on
// treatments of no use, with no word about the no. The no is heard first, in one line, and the
// message asked about is answered only where it has a sure topic; otherwise the bot asks how it
// can help. Typed as patients type, the tester's wordings and our own, nl-NL and nl-BE.

const { talk } = bookingKit();
const QUESTION = /^Ik weet niet zeker of ik je goed begrijp/;
const CRISIS = /^Dank je dat je dit vertelt/;
const HEARD = /^Fijn, dat is goed om te horen/;

describe('a no to the crisis question about a loss of heart is heard, and the bot asks how it can help', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik heb er geen zin meer in', 'nee joh'],
    ['nl-NL', 'ik heb er geen zin meer in', 'haha nee'],
    ['nl-NL', 'ik heb er geen zin meer in', 'nee, het gaat wel'],
    ['nl-NL', 'ik heb er geen zin meer in', 'nee'],
    ['nl-NL', 'ik heb er gewoon geen zin meer in', 'nee hoor'],
    ['nl-BE', 'ik heb er gene zin meer in', "nee joh, 't gaat wel"],
    ['nl-BE', 'ik heb er echt geen zin meer in', 'neen'],
  ])('%s: "%s", then "%s"', async (locale, message, no) => {
    const r = await talk(locale, [message, no]);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[1].text).toMatch(HEARD);
    expect(r[1].text).toMatch(/Waarmee kan ik je helpen/);
    expect(r[1].text).not.toMatch(/tapen|shockwave/);
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[1].actions).toContain('Afspraak maken');
  });
});

describe('a no to the crisis question about a question with a sure topic is heard, then the question answered', () => {
  it.each<[Locale, string, string, RegExp]>([
    ['nl-NL', 'hoe help ik mezelf het best?', 'nee joh', /tips/],
    ['nl-BE', 'wat doe ik best om mezelf te helpen?', 'neen hoor', /tips/],
    ['nl-NL', "ik hou het niet meer uit 's nachts", 'nee, het gaat wel', /slapen|slaap/],
  ])('%s: "%s", then "%s"', async (locale, message, no, answer) => {
    const r = await talk(locale, [message, no]);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[1].text).toMatch(HEARD);
    expect(r[1].text).toMatch(answer);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb er geen zin meer in'],
    ['nl-BE', 'ik heb er gene zin meer in'],
  ])('%s: "%s", then a yes, still gets the crisis text', async (locale, message) => {
    const r = await talk(locale, [message, 'ja']);
    expect(r[1].text).toMatch(CRISIS);
  });
});
