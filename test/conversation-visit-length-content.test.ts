import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import type { App } from '../src/app/createApp';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

// Content is data: which topic's follow-up "and how long does that take?" asks the length of a
// visit (the first visit's), and what such a question reads as on its own (how long a treatment
// takes), is a field of the topic (visitLengthFollowUp in knowledge/topics/first-visit.yaml), not
// two topic ids in MessageResponder. A physiotherapist changes it without code; a wrong id stops
// the start, naming the file and the field.

/** A copy of the knowledge folder with one topic file edited. */
function knowledgeWith(file: string, edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-length-'));
  cpSync('knowledge', dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

const FIELD = /^visitLengthFollowUp: .*$/m;
const FIRST_VISIT = 'wat gebeurt er bij de eerste afspraak bij jullie?';
const HOW_LONG = 'en hoe lang duurt dat dan?';

describe('the first visit\'s length, as the content says', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await buildTestApp({}, new MemoryStorage()));
  });
  afterAll(() => app.close());

  it.each<['nl-NL' | 'nl-BE', string, string]>([
    ['nl-NL', FIRST_VISIT, HOW_LONG],
    ['nl-BE', 'hoe verloopt de eerste sessie bij de kine?', 'en hoelang duurt da?'],
  ])('%s: with the field, "%s" then "%s" gets the appointment types\' length', async (locale, first, followUp) => {
    const [, b] = await converse(testAdapterFor(app, locale), [first, followUp]);
    expect(b.text).toMatch(/30 tot 45 minuten/);
  });

  it('without the field, the same follow-up no longer gets a visit\'s length', async () => {
    const dir = knowledgeWith('topics/first-visit.yaml', (y) => y.replace(FIELD, ''));
    const { app: edited } = await buildTestApp({ KNOWLEDGE_DIR: dir }, new MemoryStorage());
    try {
      const [, b] = await converse(testAdapterFor(edited, 'nl-NL'), [FIRST_VISIT, HOW_LONG]);
      expect(b.text).not.toMatch(/30 tot 45 minuten/);
    } finally {
      await edited.close();
    }
  });

  it.each<[string, string, RegExp]>([
    ['an id no topic has', 'visitLengthFollowUp: treatment-length', /"treatment-length" is not a known topic id/],
    ['the topic itself', 'visitLengthFollowUp: first-visit', /names the topic itself/],
    ['no id at all', 'visitLengthFollowUp: How long it takes', /expected a topic id/],
  ])('a start with %s stops, naming the file and the field', async (_what, line, problem) => {
    const dir = knowledgeWith('topics/first-visit.yaml', (y) => y.replace(FIELD, line));
    const started = buildTestApp({ KNOWLEDGE_DIR: dir }, new MemoryStorage());
    await expect(started).rejects.toThrow(/topics\/first-visit\.yaml/);
    await expect(started).rejects.toThrow(/visitLengthFollowUp/);
    await expect(started).rejects.toThrow(problem);
  });
});
