import type { App } from '../src/app/createApp';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

let nlApp: App;
let beApp: App;
beforeAll(async () => {
  ({ app: nlApp } = await buildTestApp());
  ({ app: beApp } = await buildTestApp({ PRACTICE_FILE: 'examples/practice-be.yaml' }));
});
afterAll(async () => {
  await nlApp?.close();
  await beApp?.close();
});

type Turn = [said: string, expected: RegExp, actions: RegExp | null];

describe('second-edition answers in a conversation', () => {
  it.each<[string, () => App, string, Turn[]]>([
    ['a long answer, then "Meer weten?"', () => nlApp, 'nl-NL', [
      ['wat mag ik wel en niet doen met een nieuwe heup?', /chirurg/, /Meer weten\?/],
      ['Meer weten?', /Autorijden kan meestal weer/, /Afspraak maken/],
    ]],
    ['the same in Flemish', () => beApp, 'nl-BE', [
      ['wanneer mag ik terug met de auto na mijn nieuwe knie?', /chirurg/, /Meer weten\?/],
      ['meer weten', /Met de auto rijden kan meestal terug/, null],
    ]],
    ['a Dutch-speaking patient at a Flemish practice asks about a referral', () => beApp, 'nl-NL', [
      ['heb ik een verwijzing van de huisarts nodig?', /voorschrift van een arts/, null],
    ]],
    ['a Flemish patient at a Dutch practice asks about reimbursement', () => nlApp, 'nl-BE', [
      ['wordt de kine terugbetaald door het ziekenfonds?', /basisverzekering .*12 behandelingen/, null],
    ]],
    ['costs: the price and a person', () => nlApp, 'nl-NL', [
      ['wat kost een behandeling bij jullie?', /€\s?38,50/, /Iemand spreken/],
    ]],
    ['costs at a practice without prices: ask the practice, and a person', () => beApp, 'nl-BE', [
      ['hoeveel kost een sessie kine?', /Vraag het aan de praktijk/, /Iemand spreken/],
    ]],
  ])('%s', async (_name, app, locale, turns) => {
    const adapter = testAdapterFor(app(), locale);
    const replies = await converse(adapter, turns.map(([said]) => said));
    turns.forEach(([said, expected, actions], i) => {
      expect([said, replies[i].text]).toEqual([said, expect.stringMatching(expected)]);
      if (actions) expect(replies[i].actions.join('|')).toMatch(actions);
    });
  });
});
