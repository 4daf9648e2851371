import { MemoryStorage } from 'botbuilder';
import type { App } from '../src/app/createApp';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

// Follow-ups read against the answer just given (issue 22, item 4), and a question about one's own
// appointment, typed as patients type them (our own wordings of what patient-style tests found).
let app: App;
beforeAll(async () => {
  ({ app } = await buildTestApp({}, new MemoryStorage()));
});

describe('how long, after the answer about the first visit, is the length of that visit', () => {
  it.each<[string, 'nl-NL' | 'nl-BE', string, string]>([
    ['pointing back with "da"', 'nl-BE', 'hoe gaat zo een eerste sessie bij de kine in zijn werk?', 'en hoe lang duurt da?'],
    ['pointing back with "dat"', 'nl-NL', 'wat gebeurt er allemaal bij mijn eerste afspraak?', 'hoelang duurt dat ongeveer?'],
  ])('%s (%s)', async (_name, locale, first, followUp) => {
    const [, b] = await converse(testAdapterFor(app, locale), [first, followUp]);
    // The practice's appointment types (practice.yaml): 30 and 45 minutes.
    expect(b.text).toMatch(/30 tot 45 minuten/);
    expect(b.text).not.toMatch(/geen apart antwoord|Dat verschilt per persoon/);
  });

  // A review of round 16: with "it" after "and" pointing back, "and how long does it take?" after the
  // costs was read against costs, which has no length, and got "no separate answer".
  it.each<[string, string]>([
    ['wat kost een behandeling?', 'en hoe lang duurt het?'],
    ['mag ik fietsen met artrose in mijn knie?', 'en hoe lang duurt het?'],
  ])('after "%s", "%s" gets an answer', async (first, followUp) => {
    const [, b] = await converse(testAdapterFor(app, 'nl-NL'), [first, followUp]);
    expect(b.text).not.toMatch(/geen apart antwoord/);
  });

  it('still answers how long a treatment takes when the question says so', async () => {
    const [, b] = await converse(testAdapterFor(app, 'nl-NL'), ['wat gebeurt er bij de eerste afspraak?', 'en hoeveel behandelingen heb ik nodig?']);
    expect(b.text).not.toMatch(/minuten/);
  });
});

describe('a check of when one\'s own appointment is', () => {
  it.each<[string, 'nl-NL' | 'nl-BE']>([
    ['mijn afspraak staat toch nog steeds op maandag?', 'nl-NL'],
    ['is mijn afspraak nu om tien uur of om half elf?', 'nl-BE'],
  ])('"%s" (%s) tells where to find the appointment, not the opening hours', async (text, locale) => {
    const [reply] = await converse(testAdapterFor(app, locale), [text]);
    expect(reply.actions).toContain('Afspraak opzoeken');
    expect(reply.text).not.toMatch(/referentie van je afspraak/i);
  });
});
