import { readFileSync } from 'node:fs';
import { MemoryStorage } from 'botbuilder';
import type { App } from '../src/app/createApp';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

/** The README's conversation: what the patient types, and the start of what the bot says to each. */
function transcript(): { patient: string; bot: string[] }[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## A conversation'));
  const block = section.slice(section.indexOf('```text') + 7, section.indexOf('```', section.indexOf('```text') + 7));
  const turns: { patient: string; bot: string[] }[] = [];
  for (const line of block.split('\n')) {
    const patient = /^patiënt: (.+?)(?: \((\d)×.*\))?$/.exec(line);
    if (patient) {
      for (let i = 1; i < Number(patient[2] ?? 1); i++) turns.push({ patient: patient[1], bot: [] });
      turns.push({ patient: patient[1], bot: [] });
      continue;
    }
    const said = /^(?:bot:)?\s+(.+)$/.exec(line);
    // The bot's words up to an ellipsis, a button or a remark in brackets.
    const words = said?.[1].split(/…|\[|\(/)[0].trim();
    if (words && turns.length) turns[turns.length - 1].bot.push(words);
  }
  return turns;
}

describe("the README's conversation", () => {
  let app: App;
  beforeAll(async () => ({ app } = await buildTestApp({}, new MemoryStorage())));
  afterAll(() => app.close());

  it('is what the bot says to those typed answers', async () => {
    const turns = transcript();
    expect(turns.length).toBeGreaterThan(15);
    const replies = await converse(testAdapterFor(app), turns.map((t) => t.patient));
    turns.forEach((turn, i) => {
      const said = replies[i].text.replace(/\s+/g, ' ');
      for (const words of turn.bot) {
        if (/^Je referentie is/.test(words) || /referentie is [A-Z0-9]{3}-[A-Z0-9]{3}/.test(words)) continue;
        expect({ typed: turn.patient, said: said.includes(words.replace(/\s+/g, ' ')) ? 'ok' : said }).toEqual({ typed: turn.patient, said: 'ok' });
      }
    });
  });
});
