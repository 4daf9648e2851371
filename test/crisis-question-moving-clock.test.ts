import { MemoryStorage } from 'botbuilder';
import type { App } from '../src/app/createApp';
import { FixedClock } from '../src/util/Clock';
import { LogSink, TEST_NOW, buildTestApp, converse, testAdapterFor, type Turn } from './helpers/testApp';

// Messages sent in a row are read together for red flags, and messages from before the crisis
// question are left out of that reading afterwards (FysioBot: crisisQuestionedAt). The other
// conversation tests run on a clock that stands still, where every message has the same time;
// here the clock moves between messages as a patient's does, so the messages after the question
// are read together again.

type Locale = 'nl-NL' | 'nl-BE';
const QUESTION = /^Ik weet niet zeker of ik je goed begrijp/;
const CRISIS = /^Dank je dat je dit vertelt/;

const apps: Partial<Record<'NL' | 'BE', { app: App; clock: FixedClock }>> = {};
beforeAll(async () => {
  for (const country of ['NL', 'BE'] as const) {
    const clock = new FixedClock(new Date(TEST_NOW));
    const env: Record<string, string> = country === 'BE' ? { PRACTICE_FILE: 'examples/practice-be.yaml' } : {};
    const { app } = await buildTestApp(env, new MemoryStorage(), new LogSink(), clock);
    apps[country] = { app, clock };
  }
});
afterAll(async () => {
  await apps.NL?.app.close();
  await apps.BE?.app.close();
});

/** Each message `secondsApart` after the one before it, as a patient types. */
async function talkInTime(country: 'NL' | 'BE', locale: Locale, messages: string[], secondsApart = 20): Promise<Turn[]> {
  const { app, clock } = apps[country]!;
  const adapter = testAdapterFor(app, locale);
  const turns: Turn[] = [];
  for (const message of messages) {
    clock.advance(secondsApart * 1000);
    turns.push(...(await converse(adapter, [message])));
  }
  return turns;
}

describe('after the crisis question, with the clock moving between messages', () => {
  it.each<['NL' | 'BE', Locale, string, string, string, RegExp]>([
    ['NL', 'nl-NL', 'laat maar, het hoeft niet meer', 'nee hoor', 'wat kost een behandeling bij jullie', /kost/],
    ['BE', 'nl-BE', 'laat maar zitten, het hoeft niet meer', 'neen hoor', 'hoeveel kost een behandeling', /kost/],
  ])('%s practice, %s: "%s", then "%s" and a question: the question is answered, no crisis text', async (country, locale, first, no, question, answer) => {
    const r = await talkInTime(country, locale, [first, no, question]);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[2].text).not.toMatch(CRISIS);
    expect(r[2].text).toMatch(answer);
  });

  it.each<['NL' | 'BE', Locale, string, string[], RegExp]>([
    ['NL', 'nl-NL', 'laat maar, het hoeft niet meer', ['nee hoor', 'maar eigenlijk wil ik', 'gewoon niet meer leven'], /113/],
    ['BE', 'nl-BE', 'laat maar, het hoeft niet meer', ['neen', 'ik wil eigenlijk', 'er gewoon niet meer zijn'], /1813/],
  ])('%s practice, %s: after a no, a crisis told over two short messages is still caught', async (country, locale, first, after, line) => {
    const r = await talkInTime(country, locale, [first, ...after]);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[r.length - 1].text).toMatch(CRISIS);
    expect(r[r.length - 1].text).toMatch(line);
  });

  it('the message asked about is not read again with the next ones, even a few seconds later', async () => {
    // The never-mind read together with the no and the thanks after it would be the same ask rule
    // again, and, asked once per conversation, would get the crisis text.
    const r = await talkInTime('NL', 'nl-NL', ['laat maar, het hoeft niet meer', 'nee', 'dat was het, bedankt'], 3);
    expect(r[0].text).toMatch(QUESTION);
    expect(r[1].text).not.toMatch(CRISIS);
    expect(r[2].text).not.toMatch(CRISIS);
  });
});
