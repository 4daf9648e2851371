import { bookingKit, type Locale } from './helpers/bookingScript';

// Round 20 (ctx20): a patient-style tester found follow-ups stuck to the topic answered before,
// though they asked a question of their own; thanks with a question after it acknowledged only
// the thanks; a complaint told before a wish to drop by, and a request for a person about one's
// appointment, got no good answer. Our own wordings of those families, the Netherlands and Flanders.
const { talk, talkAt } = bookingKit();
const NO_SEPARATE_ANSWER = /geen apart antwoord/;
const NO_GOOD_ANSWER = /geen goed antwoord/;
const BOOKING_CONSENT = /Voor een afspraak (stel|voor)/;
const PERSON = /medewerker/i;

describe('a follow-up that asks a question of its own gets that question answered', () => {
  it.each<[Locale, string, string, RegExp]>([
    // Paid for: the reimbursement answer, after how long treatment takes.
    ['nl-NL', 'hoeveel keer moet ik naar de fysio voor mijn knie?', 'en wordt dat betaald door de verzekering?', /basisverzekering/],
    ['nl-BE', 'hoeveel sessies kine zal ik nodig hebben?', 'wordt da terugbetaald?', /ziekenfonds|mutualiteit/],
    // Without the supplementary insurance, after the reimbursement answer: what it costs then.
    ['nl-NL', 'betaalt mijn zorgverzekering de fysio?', 'ook als ik geen aanvullende verzekering heb?', /€/],
  ])('%s: after "%s", "%s"', async (locale, first, followUp, expected) => {
    const [, answer] = await talk(locale, [first, followUp]);
    expect(answer.text).toMatch(expected);
    expect(answer.text).not.toMatch(NO_SEPARATE_ANSWER);
  });

  it.each<['NL' | 'BE', Locale, string, string, RegExp]>([
    ['NL', 'nl-NL', 'hoeveel keer moet ik naar de fysio voor mijn knie?', 'en als ik in Belgie woon?', /ziekenfonds|remgeld/],
    ['BE', 'nl-BE', 'hoeveel sessies kine zal ik nodig hebben?', 'en als ik in Nederland woon?', /basisverzekering|eigen risico/],
  ])('at the %s practice (%s): after "%s", "%s" gets what differs in the other country', async (country, locale, first, followUp, facts) => {
    const [, answer] = await talkAt(country, locale, [first, followUp]);
    expect(answer.text).toMatch(/^Onze praktijk ligt in/);
    expect(answer.text).toMatch(facts);
  });

  it.each<[Locale, string, string]>([
    ['nl-BE', 'hoeveel sessies kine zal ik nodig hebben?', 'en wat als het erger wordt?'],
    ['nl-NL', 'hoeveel keer moet ik naar de fysio voor mijn knie?', 'en wat als het erger wordt?'],
  ])('%s: after "%s", "%s" is read for itself, not as the number of sessions again', async (locale, first, followUp) => {
    const [, answer] = await talk(locale, [first, followUp]);
    expect(answer.text).not.toMatch(NO_SEPARATE_ANSWER);
    expect(answer.text).not.toMatch(/Duur en aantal/);
  });

  it.each<[Locale, string, string, RegExp]>([
    // Still the topic just answered, where the follow-up could be about it.
    ['nl-NL', 'wat gebeurt er bij de eerste afspraak?', 'en hoe lang duurt dat?', /minuten/],
    ['nl-NL', 'hoeveel keer moet ik naar de fysio voor mijn knie?', 'en bij de heup?', NO_SEPARATE_ANSWER],
  ])('%s: after "%s", "%s" stays with it', async (locale, first, followUp, expected) => {
    const [, answer] = await talk(locale, [first, followUp]);
    expect(answer.text).toMatch(expected);
  });
});

describe('thanks with a question after it: the question is read', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'dank je wel! en mag ik nog in mijn moestuin werken?'],
    ['nl-BE', 'merci. en mag ik nog naar mijn volkstuintje?'],
  ])('%s: "%s" gets no bare "you are welcome"', async (locale, text) => {
    const [reply] = await talk(locale, [text]);
    expect(reply.text).not.toMatch(/^Graag gedaan/);
    expect(reply.text).not.toMatch(NO_GOOD_ANSWER);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'dank je wel, tot ziens'],
    ['nl-BE', 'merci, een fijne dag nog!'],
  ])('%s: "%s" is thanks, as before', async (locale, text) => {
    const [reply] = await talk(locale, [text]);
    expect(reply.text).toMatch(/Graag gedaan/);
  });
});

describe('a complaint told first, then a wish to drop by: the booking starts', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik heb al een hele tijd pijn aan mijn heup en zou graag eens bij jullie langskomen'],
    ['nl-BE', 'ik zit al maanden met mijne knie en zou graag eens passeren'],
  ])('%s: "%s"', async (locale, text) => {
    const [reply] = await talk(locale, [text]);
    expect(reply.text).toMatch(BOOKING_CONSENT);
  });
});

describe('a person asked for about one\'s appointment', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'kan ik met iemand praten over mijn afspraak?'],
    ['nl-BE', 'ik zou iemand willen spreken over mijn afspraak'],
  ])('%s: "%s" brings in a person, not "no good answer"', async (locale, text) => {
    const [reply] = await talk(locale, [text]);
    expect(reply.text).toMatch(PERSON);
    expect(reply.text).not.toMatch(NO_GOOD_ANSWER);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'kan ik mijn afspraak naar een andere dag verzetten?'],
  ])('%s: "%s" still moves the appointment', async (locale, text) => {
    const [reply] = await talk(locale, [text]);
    expect(reply.text).toMatch(/referentie/);
  });
});
