import { bookingKit, no, screening, type Locale } from './helpers/bookingScript';

// Round 21's review: flows the round's merged change left going wrong. A screening yes with a
// question of the patient's own, a question about the services after the crisis text, a switch to
// "it is for me" halfway through the screening, ordinary questions that name a service, "may I go
// on with ... after the appointment", and a greeting reply after an alarm. Typed as patients type.

const { talk } = bookingKit();

/** A knee booking up to the screening's second question (the chest), with a no to the first. */
const toChestQuestion = (locale: Locale): string[] => ['ik wil een afspraak maken', 'ja', 'knie', 'links', 'een maand', no(locale), no(locale)];

describe('a yes at a screening question, with a question after it, is the yes', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ja, moet ik dan naar de spoedeisende hulp?'],
    ['nl-NL', 'ja, moet ik nu de huisartsenpost bellen?'],
    ['nl-BE', 'ja, moet ik dan naar de spoed?'],
    ['nl-BE', 'ja, moet ik naar de huisartsenwachtpost?'],
  ])('%s: "%s" at the chest question gets 112 at once', async (locale, answer) => {
    const r = await talk(locale, [...toChestQuestion(locale), answer]);
    expect(r[r.length - 2].text).toMatch(/borst/);
    const last = r[r.length - 1];
    expect(last.text).toMatch(/Bel nu 112/);
    expect(last.text).not.toMatch(/alleen als de huisarts/);
    expect(last.text).not.toMatch(/borst/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, maar moet ik niet eerst naar de huisarts?'],
    ['nl-BE', 'neen, moet ik eerst naar de huisarts?'],
  ])('%s: "%s" is the no, and the screening goes on', async (locale, answer) => {
    const r = await talk(locale, [...toChestQuestion(locale), answer]);
    const last = r[r.length - 1];
    expect(last.text).not.toMatch(/Bel nu 112/);
    expect(last.text).not.toMatch(/borst/);
  });
});

describe('after the crisis text, a question about where to go gets the crisis line again', () => {
  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'moet ik dan naar de spoedeisende hulp?', /113/],
    ['nl-NL', 'wie moet ik bellen?', /113/],
    ['nl-NL', 'moet ik de huisartsenpost bellen?', /113/],
    ['nl-BE', 'moet ik dan naar de spoed?', /1813/],
    ['nl-BE', 'wie moet ik bellen?', /1813/],
  ])('%s: "%s"', async (locale, question, line) => {
    const [crisis, answer] = await talk(locale, ['ik zie het leven niet meer zitten en heb de pillen al klaargelegd', question]);
    expect(crisis.text).toMatch(line);
    expect(answer.text).toMatch(line);
    expect(answer.text).toMatch(/112/);
    expect(answer.text).not.toMatch(/huisartsenpost van je regio|eigen huisarts/);
    expect(answer.text).not.toMatch(/terugbelt/);
  });
});

describe('"it is for me after all" halfway through the screening starts from "since when" again', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik wil een afspraak maken voor mijn moeder', 'oh nee, het is voor mezelf'],
    ['nl-NL', 'kan mijn man een afspraak krijgen?', 'sorry, de afspraak is toch voor mij'],
    ['nl-BE', 'ik wil een afspraak maken voor mijn vader', 'oei, het is eigenlijk voor mezelf'],
  ])('%s: "%s" … "%s" at the third screening question', async (locale, opening, switchBack) => {
    const first = screening[locale].questions[0].text;
    const r = await talk(locale, [opening, 'ja', 'knie', 'links', 'twee weken', no(locale), no(locale), no(locale), switchBack, 'drie dagen', no(locale)]);
    const switched = r[8];
    expect(switched.text).toMatch(/afspraak voor jezelf/);
    expect(switched.text).toMatch(/Sinds wanneer heb je (deze|die) klachten/);
    expect(r[9].text).toMatch(/verwijzing|voorschrift/);
    expect(r[9].text).not.toMatch(/je (moeder|man|vader)/);
    // The screening from its first question, about the writer.
    expect(r[10].text).toContain(first);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik wil een afspraak maken voor mijn moeder', 'nee sorry, het is voor mij'],
    ['nl-BE', 'ik wil een afspraak maken voor mijn vader', 'oei, het is eigenlijk voor mezelf'],
  ])('%s: at the referral question, "%s" … "%s" asks "since when" again', async (locale, opening, switchBack) => {
    const r = await talk(locale, [opening, 'ja', 'heup', 'rechts', 'een maand', switchBack]);
    expect(r[5].text).toMatch(/afspraak voor jezelf/);
    expect(r[5].text).toMatch(/Sinds wanneer heb je (deze|die) klachten/);
  });
});

describe('without an alarm, a service named in passing gets no after-hours text', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'ik moest van de eerste hulp naar de fysio, kan ik volgende week een afspraak maken?'],
    ['nl-NL', 'mag ik na een bezoek aan de spoedeisende hulp gewoon sporten?'],
    ['nl-NL', 'de huisartsenpost stuurde me door naar jullie, moet ik dan een verwijzing hebben?'],
    ['nl-NL', 'ik werk zelf als ambulance chauffeur, kan ik s avonds terecht?'],
    ['nl-NL', 'na mijn val op de spoedeisende hulp gezegd dat ik naar de fysio moest, kan dat bij jullie?'],
    ['nl-BE', 'de spoed heeft me naar hier gestuurd, kan ik volgende week langskomen?'],
    ['nl-BE', 'mijn vrouw werkt op de spoed, mag ik haar meebrengen naar de sessie?'],
  ])('%s: "%s"', async (locale, message) => {
    const [reply] = await talk(locale, [message]);
    expect(reply.text).not.toMatch(/huisartsenpost van je regio|wachtpost via 1733/);
  });

  it.each<[Locale, string, RegExp]>([
    ['nl-NL', 'wat is het nummer van de huisartsenpost?', /huisartsenpost van je regio/],
    ['nl-NL', 'moet ik naar de eerste hulp?', /huisartsenpost van je regio/],
    ['nl-NL', 'is de huisartsenpost nu open?', /huisartsenpost van je regio/],
    ['nl-BE', 'wat is het nummer van de wachtpost?', /wachtpost via 1733/],
    ['nl-BE', 'moet ik de wachtpost bellen?', /wachtpost via 1733/],
  ])('%s: "%s" still asks about the service and gets it', async (locale, message, answer) => {
    const [reply] = await talk(locale, [message]);
    expect(reply.text).toMatch(answer);
  });
});

describe('going on with an activity after the appointment is no question whether it stays', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'mag ik na de afspraak gewoon doorgaan met fietsen?'],
    ['nl-NL', 'kan ik na mijn afspraak doorgaan met sporten?'],
    ['nl-BE', 'mag ik na mijne sessie gewoon doorgaan met lopen?'],
  ])('%s: "%s"', async (locale, message) => {
    const [reply] = await talk(locale, [message]);
    expect(reply.text).not.toMatch(/Je afspraak blijft gewoon staan/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'mag mijn afspraak van dinsdag blijven staan?'],
    ['nl-BE', 'gaat mijne sessie van vrijdag gewoon door?'],
  ])('%s: "%s" still asks whether the appointment stays', async (locale, message) => {
    const [reply] = await talk(locale, [message]);
    expect(reply.text).toMatch(/Je afspraak blijft gewoon staan/);
  });
});

describe('an "ok" after an alarm gets no "glad to hear"', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'mijn vader is in elkaar gezakt en reageert niet', 'goed hoor'],
    ['nl-NL', 'mijn vrouw heeft ineens een scheve mond en praat raar', 'ok prima'],
    ['nl-BE', 'mijne pa is in mekaar gezakt en reageert niet', 'goed hoor'],
  ])('%s: "%s", then "%s"', async (locale, emergency, ack) => {
    const [alarm, reply] = await talk(locale, [emergency, ack]);
    expect(alarm.text).toMatch(/112/);
    expect(reply.text).not.toMatch(/^(Fijn|Oké)\b/);
    expect(reply.text).toMatch(/112/);
  });

  it('nl-NL: without an alarm the acknowledgement stays as it was', async () => {
    const [, reply] = await talk('nl-NL', ['hoe lang duurt een behandeling?', 'goed hoor']);
    expect(reply.text).toMatch(/^Fijn/);
  });
});
