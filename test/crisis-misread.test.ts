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

const { talk } = bookingKit();
const QUESTION = /^Ik weet niet zeker of ik je goed begrijp/;
const CRISIS = /^Dank je dat je dit vertelt/;
/** The crisis line of the practice's country (1813 in Belgium, 113 in the Netherlands). */
const line = (locale: Locale) => (locale === 'nl-NL' ? /113/ : /1813/);

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
