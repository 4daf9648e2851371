import { bookingKit, no, type Locale } from './helpers/bookingScript';

// A twenty-first patient-style test (tester 21): after "a doctor must see this today", "who do I
// call now?" got the practice's callback offer, and at that offer "what is the number of the
// after-hours GP?" got "do you doubt? choose yes or no"; "should I go to the emergency department?"
// got topic suggestions. Questions at the callback offer were all taken for doubt; "never mind,
// I'll call myself" got the callback offer; the practice's number came twice in a row; and
// sadness told with a question got tips without a word of it. Each row is what the patient types,
// in the Netherlands (nl-NL at the Dutch practice) and in Belgium (nl-BE at the Flemish one).

const { talk } = bookingKit();

/** A sign that needs a doctor today (tier now), in the patient's words. */
const sign: Record<Locale, string> = {
  'nl-NL': 'mijn onderbeen is sinds gisteravond opgezet, rood en warm',
  'nl-BE': 'mijne kuit staat sinds gisteren dik en is rood en warm',
};
/** What the answer about the doctor now says per country: the after-hours service, 112, and no callback. */
const care: Record<Locale, RegExp> = { 'nl-NL': /huisartsenpost van je regio[\s\S]*112/, 'nl-BE': /wachtpost via 1733[\s\S]*112/ };
const reminder: Record<Locale, RegExp> = { 'nl-NL': /Denk eraan: .*vandaag nog/, 'nl-BE': /Vergeet niet: .*vandaag nog/ };
const callback = /terugbelt/;

describe('after a doctor-today warning, "who do I call?" gets the country\'s services, then the reminder', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'wie moet ik nu bellen dan?'],
    ['nl-NL', 'wat is het telefoonnummer van de huisartsenpost'],
    ['nl-NL', 'mijn huisarts is gesloten, wat moet ik nu?'],
    ['nl-NL', 'moet ik dan naar de eerste hulp?'],
    ['nl-NL', 'het is nacht, wie kan ik bellen'],
    ['nl-BE', 'het is nacht, wie moet ik bellen?'],
    ['nl-BE', 'wat is het nummer van de wachtpost?'],
    ['nl-BE', 'moet ik naar de spoed?'],
    ['nl-BE', 'en als het dringend is?'],
  ])('%s: "%s"', async (locale, question) => {
    const replies = await talk(locale, [sign[locale], question]);
    expect(replies[0].text).toMatch(/vandaag nog/);
    const answer = replies[1].text;
    expect(answer).toMatch(care[locale]);
    expect(answer).toMatch(reminder[locale]);
    expect(answer).not.toMatch(callback);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'wie moet ik bellen?', 'wat is het nummer van de huisartsenpost?'],
    ['nl-BE', 'wie moet ik bellen?', 'wat is het nummer van de wachtpost?'],
  ])('%s: asked twice ("%s", "%s"), it is answered twice, never a yes-or-no loop', async (locale, first, second) => {
    const replies = await talk(locale, [sign[locale], first, second]);
    for (const r of replies.slice(1)) {
      expect(r.text).toMatch(care[locale]);
      expect(r.text).not.toMatch(/Twijfel je/);
    }
  });
});

describe('the after-hours GP\'s number asked without any warning before', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'wat is het nummer van de huisartsenpost?'],
    ['nl-NL', 'moet ik met mijn knie naar de spoedeisende hulp of kan ik bij jullie komen?'],
    ['nl-BE', 'welk nummer heeft de wachtpost?'],
  ])('%s: "%s" gets the services, no reminder', async (locale, question) => {
    const [reply] = await talk(locale, [question]);
    expect(reply.text).toMatch(care[locale]);
    expect(reply.text).not.toMatch(reminder[locale]);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'wie moet ik bellen voor een afspraak?'],
    ['nl-NL', 'ik ben vorige week naar de eerste hulp geweest met mijn knie, mag ik nu fietsen?'],
  ])('%s: "%s" (no doctor asked for) is not answered with the services', async (locale, question) => {
    const [reply] = await talk(locale, [question]);
    expect(reply.text).not.toMatch(care[locale]);
  });
});

describe('a question at the callback offer is answered and the offer asked again', () => {
  /** To the callback offer after a screening yes said to be a slip: that offer keeps its yes or no. */
  const toOffer = (locale: Locale): string[] => ['afspraak maken knie', 'ja', 'rechts', 'een half jaar', no(locale), 'ja', 'oeps verkeerd getikt, ik bedoelde nee'];

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'wat is het nummer van de huisartsenpost?', care['nl-NL']],
    ['nl-NL', 'kan ik nu nog een afspraak maken?', /pas nadat een arts/],
    ['nl-NL', 'wat kost een behandeling eigenlijk?', /€/],
    ['nl-BE', 'wat is het nummer van de wachtpost?', care['nl-BE']],
    ['nl-BE', 'wat kost een behandeling eigenlijk?', /kost/],
  ])('%s: "%s"', async (locale, question, answer) => {
    const replies = await talk(locale, [...toOffer(locale), question]);
    const last = replies.at(-1)!;
    expect(last.text).toMatch(answer);
    expect(last.text).not.toMatch(/Twijfel je/);
    // The offer itself again, with its buttons.
    expect(last.text).toMatch(callback);
    expect(last.actions.length).toBe(2);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: after "Iemand spreken", a question about the fees is answered and the offer stays', async (locale) => {
    const replies = await talk(locale, ['Iemand spreken', 'wat kost een behandeling eigenlijk?']);
    expect(replies[1].text).toMatch(/kost[\s\S]*terugbelt/);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: "can I still book?" with no warning leaves the offer for the booking', async (locale) => {
    const replies = await talk(locale, ['Iemand spreken', 'kan ik nu nog een afspraak maken?']);
    expect(replies[1].text).toMatch(/akkoord/);
  });
});

describe('"I\'ll call myself" is no wish for a callback, and the number is said once', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'laat maar, ik bel zelf wel'],
    ['nl-BE', 'laat maar, ik bel zelf wel'],
  ])('%s: "%s" mid-booking sets the booking aside with the number, no callback offer', async (locale, said) => {
    const replies = await talk(locale, ['afspraak maken', 'ja', 'heup', 'links', said, 'verder']);
    expect(replies[4].text).toMatch(/bel ons gerust zelf op 0\d/);
    expect(replies[4].text).not.toMatch(callback);
    expect(replies[5].text).toMatch(/Sinds wanneer/);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: "ik bel zelf wel" outside a flow gets the number and the hours', async (locale) => {
    const [reply] = await talk(locale, ['ik bel zelf wel']);
    expect(reply.text).toMatch(/bel ons gerust zelf op 0\d/);
    expect(reply.text).not.toMatch(callback);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb die mail nooit gekregen'],
    ['nl-BE', 'ik heb geen mail gekregen'],
  ])('%s: without the code ("%s"), the practice\'s number appears once', async (locale, noCode) => {
    const replies = await talk(locale, ['ik wil mijn afspraak afzeggen', noCode]);
    const phone = locale === 'nl-NL' ? '030 123 45 67' : '03 123 45 67';
    expect(replies[1].text.split(phone).length - 1).toBe(1);
  });
});

describe('sadness told with a question is heard first, with a person offered; no crisis text', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik ben zo verdrietig, niemand helpt me met die pijn en ik slaap al weken slecht'],
    ['nl-NL', 'ik word er moedeloos van, elke nacht lig ik wakker van mijn heup'],
    ['nl-BE', 'ik ben zo verdrietig, ik lig elke nacht wakker van mijn knie'],
  ])('%s: "%s"', async (locale, said) => {
    const replies = await talk(locale, [said]);
    const text = replies[0].text;
    expect(text).toMatch(/^Wat (naar|spijtig) dat je je zo voelt/);
    expect(text).toMatch(/Iemand spreken/);
    expect(text).not.toMatch(/113|1813/);
    expect(replies[0].actions.join(' ')).toMatch(/Iemand spreken/);
  });

  it.each<Locale>(['nl-NL', 'nl-BE'])('%s: a plain sleep question gets no such line', async (locale) => {
    const [reply] = await talk(locale, ['hoe kan ik beter slapen met mijn knie?']);
    expect(reply.text).not.toMatch(/je je zo voelt/);
  });
});
