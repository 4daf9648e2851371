import { bookingKit, type Locale } from './helpers/bookingScript';

// "And in Belgium?" after the Dutch practice's answer on reimbursement got the Dutch rules again,
// in Flemish words ("sessies", "kine"), after "our practice is in the Netherlands" (an eighteenth
// patient-style test). The README promises the other country's answer: its facts, in the
// patient's own words, with the line where the practice is.
const { talkAt } = bookingKit();

describe('a follow-up about the other country', () => {
  it.each<['NL' | 'BE', Locale, string, string, RegExp, RegExp]>([
    ['NL', 'nl-NL', 'wordt fysio vergoed?', 'en in Belgie?', /ziekenfonds|remgeld/, /basisverzekering|eigen risico/],
    ['NL', 'nl-BE', 'wordt kine terugbetaald?', 'en in België?', /ziekenfonds|remgeld/, /basisverzekering|eigen risico/],
    ['BE', 'nl-BE', 'wordt kine terugbetaald?', 'en in Nederland?', /basisverzekering|eigen risico/, /ziekenfonds|remgeld/],
    ['BE', 'nl-NL', 'wordt fysio vergoed?', 'en in nederland', /basisverzekering|eigen risico/, /ziekenfonds|remgeld/],
    ['NL', 'nl-NL', 'heb ik een verwijzing nodig voor de fysio?', 'en in België?', /voorschrift/, /geen verwijzing/],
    ['BE', 'nl-BE', 'heb ik een voorschrift nodig voor de kine?', 'en in Nederland?', /geen voorschrift of verwijzing/, /ziekenfonds \(mutualiteit\) een deel/],
    ['NL', 'nl-NL', 'wat kost een behandeling?', 'en in België?', /ziekenfonds|remgeld/, /€|kunnen we in deze chat niet zeggen/],
  ])('at the %s practice (%s): "%s", then "%s" gets the other country\'s facts', async (country, locale, question, followUp, facts, ours) => {
    const [, answer] = await talkAt(country, locale, [question, followUp]);
    const home = country === 'NL' ? 'Nederland' : 'België';
    expect(answer.text).toMatch(new RegExp(`^Onze praktijk ligt in ${home}\\.`));
    expect(answer.text).toMatch(facts);
    expect(answer.text).not.toMatch(ours);
    // The practice's line is said once, not again by the other country's text.
    expect(answer.text.match(/Onze praktijk ligt in/g)).toHaveLength(1);
  });

  it.each<['NL' | 'BE', Locale, string, string]>([
    ['NL', 'nl-NL', 'wordt fysio vergoed?', 'en in Nederland?'],
    ['BE', 'nl-BE', 'wordt kine terugbetaald?', 'en in België?'],
  ])('at the %s practice (%s): "%s", then its own country "%s" gets the practice\'s answer', async (country, locale, question, followUp) => {
    const [first, again] = await talkAt(country, locale, [question, followUp]);
    expect(again.text.split('\n')[0]).toBe(first.text.split('\n')[0]);
  });
});
