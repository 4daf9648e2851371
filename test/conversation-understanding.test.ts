import { MemoryStorage } from 'botbuilder';
import type { App } from '../src/app/createApp';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

// Follow-ups read against the previous topic, and two questions in one message (issue 22,
// items 4 and 5), typed as patients type them.

let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp({}, new MemoryStorage()));
});

describe('follow-up questions keep the topic', () => {
  it.each<[string, 'nl-NL' | 'nl-BE', string, string, RegExp, RegExp]>([
    // After the sports answer, "and for the knee?" is still about sports.
    ['sports, then the knee', 'nl-NL', 'mag ik sporten met heupartrose?', 'En bij de knie?', /fietsen/, /sport/i],
    // After the Dutch referral answer, "and in Belgium?" gets the Belgian answer, in the same language.
    ['referral, then Belgium', 'nl-NL', 'heb ik een verwijzing nodig?', 'en in België?', /voorschrift/, /voorschrift/],
    ['reimbursement, then the Netherlands', 'nl-BE', 'wordt de kine terugbetaald?', 'en in Nederland?', /ziekenfonds|mutualiteit/, /zorgverzeker|basisverzekering|aanvullend/i],
    // "How long does that take?" after the answer about what the physiotherapist does.
    ['treatment, then how long', 'nl-NL', 'wat doet de fysiotherapeut bij artrose?', 'hoe lang duurt dat?', /./, /weken|behandel/i],
  ])('%s', async (_name, locale, first, followUp, _firstAnswer, expected) => {
    const adapter = testAdapterFor(app, locale);
    const [a, b] = await converse(adapter, [first, followUp]);
    expect(a.text.length).toBeGreaterThan(50);
    expect(b.text).toMatch(expected);
    expect(b.text).not.toMatch(/Gaat je vraag over een van deze onderwerpen|Sorry, daar heb ik geen goed antwoord/);
  });

  it('does not switch the language on "en in België?" after an answer', async () => {
    const adapter = testAdapterFor(app, 'nl-NL');
    const [, second, third] = await converse(adapter, ['heb ik een verwijzing nodig?', 'en in België?', 'wat is artrose?']);
    expect(second.text).not.toMatch(/Vlaams/);
    // The conversation goes on in nl-NL: the Dutch answer speaks of the fysiotherapeut, not the kine.
    expect(third.actions).toContain('Afspraak maken');
  });
});

// Found by a patient-style test: a negation typed as a new message opened the cancel flow.
describe('a negation alone does not cancel an appointment', () => {
  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['ik kan niet meer op mijn been staan', 'nl-NL'],
    ['weet ik niet', 'nl-NL'],
    ['kan ik niet', 'nl-BE'],
    ['ik snap het niet', 'nl-NL'],
    ['nu even niet', 'nl-BE'],
    ['ik weet het nog niet precies', 'nl-NL'],
  ])('"%s" (%s) does not ask for the booking reference', async (text, locale) => {
    const [reply] = await converse(testAdapterFor(app, locale), [text]);
    expect(reply.text).not.toMatch(/referentie/i);
    expect(reply.text.length).toBeGreaterThan(20);
  });

  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['Ik kan niet komen morgen', 'nl-NL'],
    ['ik kan mijn afspraak niet halen', 'nl-BE'],
  ])('"%s" (%s) still starts cancelling or moving the appointment', async (text, locale) => {
    const [reply] = await converse(testAdapterFor(app, locale), [text]);
    expect(reply.text).toMatch(/referentie van je afspraak/i);
  });
});

describe('two questions in one message', () => {
  // Per topic: what its answer says, and its button (the topic's label).
  it.each<[string, 'nl-NL' | 'nl-BE', [RegExp, string][]]>([
    ['mag ik fietsen en hoeveel moet ik bewegen?', 'nl-NL', [[/fietsen/i, 'Welke sport?'], [/beweegnorm/i, 'Beweegnorm']]],
    ['Helpt warmte of ijs? En hoe lig ik het best in bed?', 'nl-NL', [[/warmte/i, 'Warmte of ijs?'], [/kussen tussen/i, 'Slapen en liggen']]],
    ['mag ik nog fietsen en wordt de kine terugbetaald?', 'nl-BE', [[/fietsen/i, 'Welke sport?'], [/ziekenfonds|mutualiteit|basisverzekering|terugbetaal/i, 'Terugbetaling']]],
  ])('"%s" (%s) gets both answers, or one and the other offered, or a choice between both', async (text, locale, topics) => {
    const adapter = testAdapterFor(app, locale);
    const [reply] = await converse(adapter, [text]);
    // A topic not answered must be offered as the other question, not merely as a follow-up button.
    const offers = /Je vroeg ook|twee vragen/.test(reply.text);
    for (const [answer, label] of topics) {
      if (!answer.test(reply.text)) {
        expect(offers).toBe(true);
        expect(reply.actions).toContain(label);
      }
    }
  });
});
