import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { checkSourceOverlap, formatProblem, lintKnowledge, loadKnowledge, REQUIRED_TOPIC_IDS } from '../src/knowledge';

const otherPhrasing = (parseYaml(readFileSync('knowledge/topics/weight-loss.yaml', 'utf8')) as { locales: { 'nl-NL': { phrasings: string[] } } }).locales['nl-NL'].phrasings[0];

function problemsAfter(mutate: (dir: string) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  cpSync('knowledge', dir, { recursive: true });
  mutate(dir);
  const { knowledge, problems } = loadKnowledge(dir);
  return (knowledge ? [...problems, ...lintKnowledge(knowledge)] : problems).map(formatProblem);
}

const edit = (file: string, fn: (s: string) => string) => (dir: string) => {
  const path = join(dir, file);
  writeFileSync(path, fn(readFileSync(path, 'utf8')));
};

describe('knowledge base', () => {
  it('loads every required topic in both locales without problems', () => {
    const { knowledge, problems } = loadKnowledge('knowledge');
    expect(problems.map(formatProblem)).toEqual([]);
    expect(lintKnowledge(knowledge!).map(formatProblem)).toEqual([]);
    for (const id of REQUIRED_TOPIC_IDS) {
      const topic = knowledge!.topics.get(id)!;
      expect(topic.locales['nl-NL'].phrasings.length).toBeGreaterThanOrEqual(8);
      expect(topic.locales['nl-BE'].phrasings.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('also validates the Flemish example practice', () => {
    const { knowledge, problems } = loadKnowledge('knowledge', 'examples/practice-be.yaml');
    expect(problems).toEqual([]);
    expect(knowledge!.practice.country).toBe('BE');
  });

  it.each<[string, (dir: string) => void, RegExp]>([
    ['a missing required topic', (d) => rmSync(join(d, 'topics/cure.yaml')), /topics\/cure\.yaml: .*required topic "cure" is missing/],
    ['a missing locale', edit('topics/cure.yaml', (s) => s.replace(/\n {2}nl-BE:[\s\S]*$/, '\n')), /topics\/cure\.yaml: locales.nl-BE/],
    ['too few phrasings', edit('topics/sleep.yaml', (s) => s.replace(/(nl-NL:[\s\S]*?phrasings:\n)((?:\s+- .*\n){8,})/, (_m, head: string) => head + '      - hoe slaap ik\n')), /topics\/sleep\.yaml: locales.nl-NL.phrasings: has 1 phrasings/],
    ['a phrasing in two topics', edit('topics/sleep.yaml', (s) => s.replace(/phrasings:\n/, `phrasings:\n      - "${otherPhrasing}"\n`)), /locales.nl-NL.phrasings.\d+: .* is also a phrasing of topic/],
    ['a follow-up to an unknown id', edit('topics/sleep.yaml', (s) => s.replace(/followUps: \[/, 'followUps: [no-such-topic, ')), /followUps: "no-such-topic" is not a known topic id/],
    ['a source naming no seed', edit('topics/sleep.yaml', (s) => s.replace(/sources: \[/, 'sources: ["999", ')), /sources: "999" names no source/],
    ['an answer over the length limit', edit('topics/sleep.yaml', (s) => s.replace(/answer: \|\n/, 'answer: |\n' + '      ' + 'woord '.repeat(130) + '\n')), /answer: has \d+ words; at most 120/],
    ['a button label over 20 characters', edit('topics/sleep.yaml', (s) => s.replace(/label: .*/, 'label: Dit label is veel te lang voor een knop')), /label: .* characters; at most 20/],
    ['a leftover placeholder', edit('topics/sleep.yaml', (s) => s.replace(/answer: \|\n/, 'answer: |\n      TODO nog schrijven.\n')), /leftover placeholder/],
    ['an unknown placeholder', edit('topics/sleep.yaml', (s) => s.replace(/answer: \|\n/, 'answer: |\n      Bel {{telefoon}}.\n')), /unknown placeholder \{\{telefoon\}\}/],
    ['a file that is not YAML', edit('topics/sleep.yaml', () => 'id: sleep\nanswer: [unclosed\n'), /topics\/sleep\.yaml: line 3: not valid YAML: /],
    ['an empty parking line', edit('practice.yaml', (s) => s.replace(/parking: .*/, "parking: ''")), /practice\.yaml: locations\.0\.parking: /],
    ['a bad opening time in the practice', edit('practice.yaml', (s) => s.replace('"08:00", "18:00"', '"18:00", "08:00"')), /practice\.yaml: locations\.0\.openingHours\.mon\.0: opens at 18:00/],
    ['an age band read as a word no phrasing uses', edit('language.yaml', (s) => s.replace('word: leeftijd }', 'word: levensjaar }')), /language\.yaml: ageOrdinals\.bands\.1\.word: "levensjaar" is in no topic's phrasings/],
    ['an age band read as a stop word', edit('language.yaml', (s) => s.replace('word: jonge }', 'word: mijn }')), /language\.yaml: ageOrdinals\.bands\.0\.word: "mijn" must be one word that is no stop word/],
    ['overlapping age bands', edit('language.yaml', (s) => s.replace('from: 50,', 'from: 40,')), /language\.yaml: ageOrdinals\.bands: bands must not overlap/],
    ['a possessive the normaliser rewrites', edit('language.yaml', (s) => s.replace('after: [mijn,', "after: [m'n, mijn,")), /language\.yaml: ageOrdinals\.after: "m'n" is read as "mijn"/],
    ['a screening question for an unknown red flag', edit('screening.yaml', (s) => s.replace('redFlag: swollen-calf', 'redFlag: no-such-rule')), /screening\.yaml: .*"no-such-rule" is not a rule id/],
  ])('is refused for %s', (_name, mutate, expected) => {
    expect(problemsAfter(mutate).join('\n')).toMatch(expected);
  });

  it('copies no run of 8+ words from the seed documents into knowledge or locales (overlap check on the stored fingerprints)', () => {
    const report = checkSourceOverlap('knowledge', ['knowledge', 'locales']);
    expect(report.problems).toEqual([]);
    expect(report.copied).toEqual([]);
    expect(report.checkedFiles).toBeGreaterThan(40);
  });
});
