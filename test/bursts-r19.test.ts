import { bookingKit, type Locale } from './helpers/bookingScript';

// Round 19 (saf24): audit16's bursts, read as the patient types them, a few short messages in a
// row. Someone who gives no reaction to being spoken to or touched, told in a carer's report style,
// is 112; a numb seat with new wetting without noticing is a doctor today; the same words about a
// dog or a small grandchild are no alarm, and "dead" for worn out after a lesson is no crisis.
// Our own wordings of the families, the Netherlands and Flanders.
const { talk } = bookingKit();
const CALL_112 = /Bel nu 112/;
const DOCTOR_TODAY = /vandaag nog door een (arts|dokter)/;
const CRISIS_TEXT = /Dank je dat je dit vertelt/;

describe('a burst with a sign: its tier', () => {
  it.each<[Locale, string[], RegExp]>([
    ['nl-NL', ['mijn buurvrouw (84) ligt op de bank', 'daarnet praatte ze nog', 'nu geen enkele reactie meer op roepen of schudden'], CALL_112],
    ['nl-BE', ['ik zit bij mijn moeder', 'ze ademt wel', 'maar gene reactie op aanspreken'], CALL_112],
    ['nl-NL', ['mijn man ligt in de stoel', 'geen reactie op aanraken'], CALL_112],
    ['nl-NL', ['mijn zitvlak voelt doof sinds gisteren', 'en vannacht heb ik in mijn bed geplast zonder het te merken'], DOCTOR_TODAY],
    ['nl-BE', ['mijn poep voelt raar gevoelloos aan', 'en ik heb in mijn broek geplast, dat heb ik nooit'], DOCTOR_TODAY],
  ])('%s: %j', async (locale, messages, expected) => {
    const r = await talk(locale, messages);
    expect(r.map((x) => x.text).join('\n')).toMatch(expected);
  });
});

describe('the same words without the sign: no alarm of that kind', () => {
  it.each<[Locale, string[], RegExp]>([
    ['nl-NL', ['onze hond sliep zo diep', 'geen reactie op roepen, haha', 'mag ik met mijn knie wandelen met hem?'], CALL_112],
    ['nl-NL', ['mijn kleinzoon van 4 heeft in bed geplast', 'en ik moest hem tillen, nu doet mijn heup pijn'], DOCTOR_TODAY],
    ['nl-BE', ['ik ben helemaal dood', 'die les was zwaar', 'maar mijn knie voelt beter'], CRISIS_TEXT],
    ['nl-NL', ['ik ben zo dood na de oefeningen', 'is dat normaal?'], CRISIS_TEXT],
  ])('%s: %j', async (locale, messages, notExpected) => {
    const r = await talk(locale, messages);
    expect(r.map((x) => x.text).join('\n')).not.toMatch(notExpected);
  });
});
