import { MemoryStorage } from 'botbuilder';
import { bookingKit, type Locale } from './helpers/bookingScript';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

// After a crisis reading that only the learned net, or a rule whose words are also everyday
// speech, makes (issue 20): a no to the crisis question about a short everyday question left that
// question unanswered, so the patient had to type it again; and the full crisis text given for such
// a reading refused booking for the rest of the conversation, also after the patient said it
// misread them. A sure crisis rule, 112 and a doctor today stand whatever is typed after them.
// Typed as patients type, nl-NL and nl-BE, the crisis line of the practice's country; the tests'
// clock (Monday 23 November 2026, 10:00).

const { talk, appOf } = bookingKit();
const QUESTION = /^Ik weet niet zeker of ik je goed begrijp/;
const CRISIS = /^Dank je dat je dit vertelt/;
const SORRY = /^Sorry, dan had ik je verkeerd (begrepen|verstaan)\./;
/** The booking's consent question: the booking started. */
const CONSENT = /^Voor een afspraak stel ik je/;
/** What a request to book gets while booking is ruled out. */
const REFUSED = /plannen we (nu )?liever/;
/** The crisis line of the practice's country (1813 in Belgium, 113 in the Netherlands). */
const line = (locale: Locale) => (locale === 'nl-NL' ? /113/ : /1813/);
/** A conversation with the Dutch practice, whatever the patient's locale. */
const atDutchPractice = (locale: Locale, messages: string[]) => talk(locale, messages, testAdapterFor(appOf('nl-NL'), locale));

describe('a no to the crisis question about a short everyday question answers that question', () => {
  it.each<[Locale, string, string, RegExp]>([
    ['nl-NL', 'hoe help ik mezelf het best?', 'nee hoor', /tips/],
    ['nl-NL', 'hoe help ik mezelf het best?', 'nee, gewoon een vraag over mijn knie', /tips/],
    ['nl-NL', 'hoe help ik mezelf nu?', 'nee joh, het gaat prima met me', /tips/],
    ['nl-BE', 'wat doe ik best om mezelf te helpen?', 'neen, gewoon een vraagje over mijn heup', /tips/],
    ['nl-BE', 'hoe help ik mezelf nu?', 'neen hoor', /tips/],
    ['nl-NL', "ik hou het niet meer uit 's nachts", 'nee, zo bedoelde ik het niet', /slapen|slaap/],
    ['nl-BE', "ik hou het niet meer uit 's nachts", 'neen, alles is goed', /slapen|slaap/],
  ])('%s: "%s", then "%s": the question is answered without typing it again', async (locale, question, no, answer) => {
    const r = await talk(locale, [question, no]);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[0].text).toMatch(line(locale));
    expect(r[1].text).not.toMatch(QUESTION);
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[1].text).toMatch(answer);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'hoe help ik mezelf nu?'],
    ['nl-BE', 'wat doe ik best om mezelf te helpen?'],
  ])('%s: "%s", then a yes, gets the crisis text', async (locale, question) => {
    const r = await talk(locale, [question, 'ja']);
    expect(r[1].text).toMatch(CRISIS);
    expect(r[1].text).toMatch(line(locale));
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, het gaat niet goed met me'],
    ['nl-BE', 'neen, ik weet niet of alles goed komt'],
  ])('%s: "%s" after it is no "fine": the question asked about is not answered as if nothing was said', async (locale, answer) => {
    const r = await talk(locale, ['hoe help ik mezelf nu?', answer]);
    expect(r[1].text).not.toMatch(/tips/);
  });

  it('the message asked about is not written to the log', async () => {
    const { app, sink } = await buildTestApp({}, new MemoryStorage());
    try {
      const r = await converse(testAdapterFor(app, 'nl-NL'), ['hoe help ik mezelf nu?', 'nee hoor']);
      expect(r[1].text).toMatch(/tips/);
      expect(sink.lines.join('\n')).not.toMatch(/mezelf/);
    } finally {
      await app.close();
    }
  });
});

describe('the crisis text given for an unsure reading, said to have misread the patient', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik trek het niet meer', 'nee zo bedoelde ik het niet, het gaat om mijn knie'],
    ['nl-BE', 'het hoeft niet meer', 'haha neen, ik bedoelde dat de site traag is'],
    ['nl-NL', 'wat heeft het allemaal nog voor zin', 'nee joh, dat was bij wijze van spreken'],
    ['nl-BE', 'ik hou het niet meer vol', 'ge verstaat mij verkeerd, ik ben gewoon moe van het wachten'],
    ['nl-NL', 'het heeft voor mij allemaal geen zin meer', 'haha nee, ik bedoelde die oefeningen'],
  ])('%s: "%s", then "%s": a short sorry with the crisis line, and booking allowed again', async (locale, unsure, correction) => {
    const r = await talk(locale, [unsure, correction, 'afspraak maken']);
    expect(r[0].text).toMatch(CRISIS);
    expect(r[1].text).toMatch(SORRY);
    expect(r[1].text).toMatch(line(locale));
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[1].actions).toContain('Afspraak maken');
    expect(r[2].text).toMatch(CONSENT);
  });

  it.each<[Locale, string, string]>([
    ['nl-NL', 'ik trek het niet meer', 'ik ben niet suicidaal hoor, ik wil gewoon een afspraak'],
    ['nl-BE', 'het hoeft niet meer', 'ik ben helemaal niet suïcidaal, ik wil gewoon een afspraak maken voor mijn knie'],
  ])('%s: "%s", then "%s": the booking starts in the same turn', async (locale, unsure, correction) => {
    const r = await talk(locale, [unsure, correction]);
    expect(r[1].text).toMatch(SORRY);
    expect(r[1].text).toMatch(line(locale));
    expect(r[1].text.split('\n').find((l) => CONSENT.test(l))).toBeDefined();
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik trek het niet meer'],
    ['nl-BE', 'het hoeft niet meer'],
  ])('%s: "%s", a refused booking, then "ik ben niet suicidaal hoor": booking allowed again', async (locale, unsure) => {
    const r = await talk(locale, [unsure, 'afspraak maken', 'ik ben niet suicidaal hoor', 'afspraak maken']);
    expect(r[1].text).toMatch(REFUSED);
    expect(r[2].text).toMatch(SORRY);
    expect(r[3].text).toMatch(CONSENT);
  });

  it('nl-BE at the Dutch practice: the sorry names the Dutch crisis line', async () => {
    const r = await atDutchPractice('nl-BE', ['het hoeft niet meer', 'neen, zo bedoelde ik het niet']);
    expect(r[1].text).toMatch(SORRY);
    expect(r[1].text).toMatch(/113/);
    expect(r[1].text).not.toMatch(/1813/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee, het gaat niet goed met me'],
    ['nl-BE', 'dat was geen grapje'],
  ])('%s: "%s" takes nothing back: booking stays refused', async (locale, answer) => {
    const r = await talk(locale, ['ik trek het niet meer', answer, 'afspraak maken']);
    expect(r[1].text).not.toMatch(SORRY);
    expect(r[2].text).toMatch(REFUSED);
  });

  it('a correction three messages later takes nothing back', async () => {
    const r = await talk('nl-NL', ['ik trek het niet meer', 'wat is artrose', 'hoeveel kost een behandeling', 'nee zo bedoelde ik het niet', 'afspraak maken']);
    expect(r[3].text).not.toMatch(SORRY);
    expect(r[4].text).toMatch(REFUSED);
  });

  it.each<[Locale, string, string]>([
    // A sure crisis rule.
    ['nl-NL', 'ik wil dood', 'nee zo bedoelde ik het niet, het gaat om mijn knie'],
    ['nl-BE', 'ik zie het niet meer zitten', 'ik ben niet suicidaal hoor, ik wil gewoon een afspraak'],
    // 112.
    ['nl-NL', 'ik heb pijn op de borst en ik zweet en ben misselijk', 'haha nee, ik bedoelde dat de site traag is'],
    // A doctor today.
    ['nl-BE', 'mijn knie is rood en heet en ik heb koorts', 'neen, zo bedoelde ik het niet'],
  ])('%s: after "%s", "%s" changes nothing: no sorry, booking stays refused', async (locale, alarm, correction) => {
    const r = await talk(locale, [alarm, correction, 'afspraak maken']);
    expect(r[1].text).not.toMatch(SORRY);
    expect(r[1].text).not.toMatch(CONSENT);
    expect(r[2].text).toMatch(REFUSED);
    expect(r[2].text).not.toMatch(CONSENT);
  });
});

describe('after a no to the crisis question', () => {
  it.each<[Locale, string, string]>([
    ['nl-NL', 'hoe help ik mezelf nu?', 'ik hou het niet meer vol'],
    ['nl-BE', 'wat doe ik best om mezelf te helpen?', 'ik trek het niet meer'],
  ])('%s: "%s", a no, then "%s" gets the crisis text (asked once per conversation), which a correction does not take back', async (locale, question, second) => {
    const r = await talk(locale, [question, locale === 'nl-NL' ? 'nee hoor' : 'neen hoor', second, 'nee zo bedoelde ik het niet', 'afspraak maken']);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[1].text).toMatch(/tips/);
    expect(r[2].text).toMatch(CRISIS);
    expect(r[2].text).toMatch(line(locale));
    expect(r[3].text).not.toMatch(SORRY);
    expect(r[4].text).toMatch(REFUSED);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee... eigenlijk wil ik er niet meer zijn'],
    ['nl-BE', 'neen, eigenlijk zie ik het niet meer zitten'],
    ['nl-NL', 'nee hoor, ik wil gewoon dood'],
  ])('%s: "%s" after the question is the crisis', async (locale, answer) => {
    const r = await talk(locale, ['hoe help ik mezelf nu?', answer]);
    expect(r[1].text).toMatch(CRISIS);
    expect(r[1].text).toMatch(line(locale));
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'ik wil er niet meer zijn'],
    ['nl-BE', 'ik zie het echt niet meer zitten'],
  ])('%s: a no, the answer, then "%s" is the crisis', async (locale, crisis) => {
    const r = await talk(locale, ['hoe help ik mezelf nu?', 'nee hoor', crisis]);
    expect(r[1].text).toMatch(/tips/);
    expect(r[2].text).toMatch(CRISIS);
    expect(r[2].text).toMatch(line(locale));
  });
});
