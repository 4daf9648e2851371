import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config';
import { ReplyComposer } from '../src/conversation/ReplyComposer';
import { I18nextTranslator } from '../src/i18n/Translator';
import { allAnswerTexts, formatProblem, lintKnowledge, loadKnowledge, type KnowledgeBase, type Practice } from '../src/knowledge';
import { Router } from '../src/understanding';

type Locale = 'nl-NL' | 'nl-BE';

function load(practiceFile = 'practice.yaml'): KnowledgeBase {
  const { knowledge, problems } = loadKnowledge('knowledge', practiceFile);
  if (!knowledge) throw new Error(problems.map(formatProblem).join('\n'));
  return knowledge;
}

const nl = load();
const be = load('examples/practice-be.yaml');
const translator = new I18nextTranslator('locales');
const composerFor = (kb: KnowledgeBase, practice: Partial<Practice> = {}) =>
  new ReplyComposer({ ...kb, practice: { ...kb.practice, ...practice } }, translator);

const NEW_TOPICS = [
  'costs', 'supplements', 'hyaluronic-acid-prp', 'brace-insoles', 'prosthesis-rules', 'complaints', 'home-visits',
  'cancellation-fee', 'what-to-bring', 'alternative-treatments', 'work', 'other-joints', 'running', 'stairs',
  'weather', 'heredity', 'young-age', 'knee-vs-hip-replacement', 'second-opinion', 'waiting-time',
];

describe('knowledge, second edition: routing', () => {
  const config = parseConfig({});
  const router = new Router(nl, { thresholds: config.router, maxChars: config.maxMessageChars });

  // Our own wording of the questions in issue 25, none of them a phrasing in the topic files.
  it.each<[Locale, string, string]>([
    ['nl-NL', 'hoeveel kost een sessie bij jullie eigenlijk?', 'costs'],
    ['nl-BE', 'wat moet ik per keer betalen bij de kine?', 'costs'],
    ['nl-NL', 'heeft het zin om glucosamine te slikken voor mijn knie?', 'supplements'],
    ['nl-BE', 'werkt curcuma echt tegen artrose?', 'supplements'],
    ['nl-NL', 'is een hyaluronzuurinjectie in mijn knie een goed idee?', 'hyaluronic-acid-prp'],
    ['nl-BE', 'heeft een PRP spuit in de knie zin?', 'hyaluronic-acid-prp'],
    ['nl-NL', 'moet ik een brace om mijn knie doen?', 'brace-insoles'],
    ['nl-BE', 'helpen inlegzolen tegen mijn knieartrose?', 'brace-insoles'],
    ['nl-NL', 'wat mag ik allemaal niet doen met mijn nieuwe heup?', 'prosthesis-rules'],
    ['nl-BE', 'wanneer mag ik terug autorijden na de heupprothese?', 'prosthesis-rules'],
    ['nl-NL', 'waar kan ik een klacht over jullie indienen?', 'complaints'],
    ['nl-BE', 'ik wil een klacht indienen over de kine', 'complaints'],
    ['nl-NL', 'kan de fysio bij mij thuis langskomen?', 'home-visits'],
    ['nl-BE', 'komen jullie ook bij de mensen thuis?', 'home-visits'],
    ['nl-NL', 'moet ik betalen als ik mijn afspraak niet op tijd afzeg?', 'cancellation-fee'],
    ['nl-BE', 'rekenen jullie iets aan als ik een afspraak mis?', 'cancellation-fee'],
    ['nl-NL', 'wat moet ik aantrekken voor de eerste keer?', 'what-to-bring'],
    ['nl-BE', 'wat neem ik mee naar de eerste afspraak bij de kine?', 'what-to-bring'],
    ['nl-NL', 'heeft acupunctuur zin voor mijn heup?', 'alternative-treatments'],
    ['nl-BE', 'helpt homeopathie tegen pijn in de knie?', 'alternative-treatments'],
    ['nl-NL', 'kan ik nog gewoon werken met mijn knieartrose?', 'work'],
    ['nl-BE', 'moet ik mij ziek melden op het werk door mijn heup?', 'work'],
    ['nl-NL', 'ik heb artrose in mijn duim, kan ik bij jullie terecht?', 'other-joints'],
    ['nl-BE', 'behandelen jullie ook artrose aan de hand?', 'other-joints'],
    ['nl-NL', 'mag ik nog hardlopen met knieartrose?', 'running'],
    ['nl-BE', 'mag ik nog gaan joggen met artrose in mijn heup?', 'running'],
    ['nl-NL', 'hoe kom ik het beste de trap op met mijn heup?', 'stairs'],
    ['nl-BE', 'de trap afgaan lukt slecht met mijn knie, tips?', 'stairs'],
    ['nl-NL', 'heeft koud weer invloed op mijn artrose?', 'weather'],
    ['nl-BE', 'waarom heb ik meer pijn als het koud is?', 'weather'],
    ['nl-NL', 'is artrose iets erfelijks?', 'heredity'],
    ['nl-BE', 'kan je artrose erven van je ouders?', 'heredity'],
    ['nl-NL', 'kan je op je 35ste al artrose krijgen?', 'young-age'],
    ['nl-BE', 'ben ik met 38 niet te jong voor artrose?', 'young-age'],
    ['nl-NL', 'wat is het verschil tussen een knieprothese en een heupprothese?', 'knee-vs-hip-replacement'],
    ['nl-BE', 'is een nieuwe knie erger dan een nieuwe heup?', 'knee-vs-hip-replacement'],
    ['nl-NL', 'kan ik bij jullie een second opinion krijgen?', 'second-opinion'],
    ['nl-BE', 'kan ik een tweede mening vragen over mijn behandeling?', 'second-opinion'],
    ['nl-NL', 'hoe lang moet ik wachten voor ik kan beginnen?', 'waiting-time'],
    ['nl-BE', 'is er een wachtlijst bij jullie?', 'waiting-time'],
  ])('%s "%s" → %s', (locale, text, topic) => {
    const d = router.route(text, { locale });
    // Answered, or (just under the answer threshold) offered as the one topic meant: one tap.
    if (d.intent === 'clarify') expect(d.candidates.map((c) => c.topic)).toEqual([topic]);
    else expect(d).toMatchObject({ intent: 'faq', topic });
  });

  it('covers every new topic in both locales', () => {
    for (const id of NEW_TOPICS) {
      const topic = nl.topics.get(id)!;
      expect(topic.locales['nl-NL'].phrasings.length).toBeGreaterThanOrEqual(8);
      expect(topic.locales['nl-BE'].phrasings.length).toBeGreaterThanOrEqual(8);
      expect(topic.reviewedBy).toMatch(/awaits clinician review/);
      expect(topic.nextReview).toBe('2027-06-05');
    }
  });
});

describe('knowledge, second edition: facts follow the practice country, not the language variant', () => {
  it.each<[string, string, KnowledgeBase, Locale, RegExp, RegExp]>([
    ['an nl-NL speaker at a BE practice', 'referral', be, 'nl-NL', /voorschrift/, /screening/],
    ['an nl-BE speaker at a BE practice', 'referral', be, 'nl-BE', /voorschrift/, /screening/],
    ['an nl-BE speaker at an NL practice', 'referral', nl, 'nl-BE', /geen voorschrift of verwijzing/, /ziekenfonds \(mutualiteit\) een deel/],
    ['an nl-NL speaker at an NL practice', 'referral', nl, 'nl-NL', /geen verwijzing/, /voorschrift/],
    ['an nl-NL speaker at a BE practice', 'reimbursement', be, 'nl-NL', /remgeld/, /basisverzekering/],
    ['an nl-BE speaker at an NL practice', 'reimbursement', nl, 'nl-BE', /eerste 12 behandelingen oefentherapie binnen 12 maanden/, /remgeld/],
    ['an nl-NL speaker at an NL practice', 'reimbursement', nl, 'nl-NL', /eigen risico/, /remgeld/],
    ['an nl-NL speaker at a BE practice', 'complaints', be, 'nl-NL', /ombudsdienst/, /Wkkgz/],
    ['an nl-BE speaker at an NL practice', 'complaints', nl, 'nl-BE', /Wkkgz/, /ombudsdienst/],
    ['an nl-NL speaker at a BE practice', 'work', be, 'nl-NL', /adviserend arts/, /bedrijfsarts/],
    ['an nl-BE speaker at an NL practice', 'work', nl, 'nl-BE', /bedrijfsarts/, /adviserend arts/],
    ['an nl-NL speaker at a BE practice', 'what-to-bring', be, 'nl-NL', /eID/, /zorgpas/],
  ])('%s gets the right %s facts', (_who, topic, kb, locale, expected, wrong) => {
    const text = composerFor(kb).answer(topic, locale).text;
    expect(text).toMatch(expected);
    expect(text).not.toMatch(wrong);
  });

  it('takes the reimbursement figures from practice.yaml, so a practice can correct them', () => {
    const text = composerFor(nl, { coverage: { nlSessions: 9, nlMonths: 12, beRegularSessions: 18 } }).answer('reimbursement', 'nl-NL').text;
    expect(text).toMatch(/eerste 9 behandelingen oefentherapie binnen 12 maanden/);
  });

  it('names a source for each country of every topic whose text differs per country', () => {
    for (const topic of nl.topics.values()) {
      const perCountry = Object.values(topic.locales).some((l) => l.byCountry || l.cases?.some((c) => c.when.country));
      if (!perCountry) continue;
      expect(topic.sourcesByCountry?.NL.length).toBeGreaterThan(0);
      expect(topic.sourcesByCountry?.BE.length).toBeGreaterThan(0);
    }
  });
});

describe('knowledge, second edition: practice-dependent answers', () => {
  it('quotes the configured prices, formatted as euros, and offers a person', () => {
    const reply = composerFor(nl).answer('costs', 'nl-NL');
    expect(reply.text).toMatch(/€\s?45,00/);
    expect(reply.text).toMatch(/€\s?38,50/);
    expect(reply.choices?.map((c) => c.label)).toContain('Iemand spreken');
  });

  it('says to ask the practice when no prices are configured, and still offers a person', () => {
    const reply = composerFor(be).answer('costs', 'nl-BE');
    expect(reply.text).toMatch(/Vraag het aan de praktijk/);
    expect(reply.text).not.toMatch(/€/);
    expect(reply.choices?.map((c) => c.label)).toContain('Iemand spreken');
  });

  it('offers a person beside the complaints answer, with the practice contact when configured', () => {
    const reply = composerFor(nl).answer('complaints', 'nl-NL');
    expect(reply.text).toMatch(/klachten@beweegreden\.example/);
    expect(reply.choices?.map((c) => c.label)).toContain('Iemand spreken');
    const unconfigured = composerFor(nl, { complaints: {} }).answer('complaints', 'nl-NL');
    expect(unconfigured.text).toMatch(/vraag het de praktijk/);
  });

  it.each<[string, Partial<Practice>, string, RegExp]>([
    ['home visits with a surcharge', {}, 'home-visits', /€\s?17,50 extra/],
    ['no home visits', { homeVisits: false }, 'home-visits', /^Nee/],
    ['home visits not configured', { homeVisits: undefined }, 'home-visits', /Vraag het de praktijk/],
    ['the missed-appointment fee', {}, 'cancellation-fee', /minstens 24 uur.*€\s?38,50/s],
    ['no fee configured', { fees: {}, cancellationHours: undefined }, 'cancellation-fee', /vraag je de praktijk/],
    ['the waiting time', {}, 'waiting-time', /binnen 7 dagen/],
    ['no waiting time configured', { waitingTimeDays: undefined }, 'waiting-time', /vrije tijden/],
    ['a second opinion offered', {}, 'second-opinion', /^Ja, dat kan/],
    ['a second opinion not configured', { secondOpinion: undefined }, 'second-opinion', /vraag je de praktijk/],
    ['other joints without a hand therapist', {}, 'other-joints', /verwijzen we je naar een handtherapeut/],
    ['other joints not treated', { otherJoints: false }, 'other-joints', /richt zich op artrose in heup en knie/],
  ])('answers from practice.yaml: %s', (_name, practice, topic, expected) => {
    expect(composerFor(nl, practice).answer(topic, 'nl-NL').text).toMatch(expected);
  });

  it('splits a long answer: the answer offers "Meer weten?" and the rest follows on request', () => {
    const composer = composerFor(nl);
    const reply = composer.answer('prosthesis-rules', 'nl-NL');
    expect(reply.choices?.[0].label).toBe('Meer weten?');
    const more = composer.more('prosthesis-rules', 'nl-NL');
    expect(more?.text).toMatch(/Autorijden/);
    expect(more?.choices?.map((c) => c.label)).not.toContain('Meer weten?');
    expect(composer.more('weather', 'nl-NL')).toBeUndefined();
  });

  it('ends every answer of the new topics with what to do next', () => {
    for (const id of NEW_TOPICS) {
      for (const content of Object.values(nl.topics.get(id)!.locales)) {
        for (const { where, text } of allAnswerTexts(content)) {
          const last = text.trim().split('\n').pop()!;
          expect([id, where, last]).toEqual([id, where, expect.stringMatching(/afspraak|afzeggen|vraag|bel |kies|iemand spreken|huisarts|dokter|meer weten|kine|fysiotherapeut|warmte of ijs|wil je/i)]);
        }
      }
    }
  });
});

describe('knowledge, second edition: the linter', () => {
  function problemsAfter(file: string, change: (s: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'kb2-'));
    cpSync('knowledge', dir, { recursive: true });
    const path = join(dir, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
    const { knowledge, problems } = loadKnowledge(dir);
    return (knowledge ? [...problems, ...lintKnowledge(knowledge)] : problems).map(formatProblem).join('\n');
  }

  it.each<[string, string, (s: string) => string, RegExp]>([
    ['a country-specific topic without per-country text', 'topics/referral.yaml',
      (s) => s.replace(/ {4}byCountry:\n {6}NL:\n {8}answer: \|\n/, '    answer: |\n').replace(/\n {6}BE:\n {8}answer: \|\n(?: {10}.*\n)+(?= {2}nl-BE)/, '\n'),
      /referral\.yaml: locales\.nl-NL\.byCountry: the facts of this topic differ between NL and BE/],
    ['per-country text without per-country sources', 'topics/work.yaml', (s) => s.replace(/sourcesByCountry:\n(?: {2}.*\n)+/, ''),
      /work\.yaml: sourcesByCountry: locale nl-NL has text per country/],
    ['a Belgian source cited for the Netherlands', 'topics/work.yaml', (s) => s.replace('NL: [rijksoverheid-ziekteverzuim', 'NL: [riziv-kinesitherapie'),
      /"riziv-kinesitherapie" is a source for BE, not for NL/],
    ['a practice fact outside a case that requires it', 'topics/weather.yaml', (s) => s.replace(/answer: \|\n/, 'answer: |\n      Het kost {{fees.session}}.\n'),
      /\{\{fees\.session\}\} may only appear in a case whose "when" has fees\.session: set/],
    ['both an answer and byCountry', 'topics/costs.yaml', (s) => s.replace(/(nl-NL:[\s\S]*?)( {4}byCountry:)/, '$1    answer: Kort.\n$2'),
      /costs\.yaml: locales\.nl-NL: give either an answer or byCountry/],
    ['an unknown practice fact in a case', 'topics/waiting-time.yaml', (s) => s.replace('when: { waitingTimeDays: set }', 'when: { waitingWeeks: set }'),
      /waiting-time\.yaml: locales\.nl-NL\.cases\.0\.when/],
    ['a "meer weten?" part over the length limit', 'topics/prosthesis-rules.yaml', (s) => s.replace(/more: \|\n/, 'more: |\n      ' + 'woord '.repeat(125) + '\n'),
      /prosthesis-rules\.yaml: locales\.nl-NL\.more: has \d+ words/],
    ['a source without file or URL', 'sources.yaml', (s) => s.replace(/\n {2}url: https:\/\/www\.thuisarts\.nl\/artrose-in-heup/, ''),
      /sources\.yaml: .*a source needs a file, or a url with publisher and year/],
    ['a bad fee in the practice', 'practice.yaml', (s) => s.replace('session: 38.50', 'session: gratis'),
      /practice\.yaml: fees\.session/],
  ])('refuses %s', (_name, file, change, expected) => {
    expect(problemsAfter(file, change)).toMatch(expected);
  });
});
