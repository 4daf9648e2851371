import { parseConfig } from '../src/config';
import { loadValidatedKnowledge } from '../src/knowledge';
import { allAnswerTexts, INTENT_IDS } from '../src/knowledge';
import { EmergencyDetector, LEARN, Router, TextNormalizer, TopicIndex } from '../src/understanding';

// The index is built from words interned by id and the router keeps the last message's
// analysis: these check that both give exactly what the plain, text-by-text path gives.

const config = parseConfig({});
const kb = loadValidatedKnowledge('knowledge');
const options = { thresholds: config.router, maxChars: config.maxMessageChars };

/** Texts with what plain text-by-text splitting has to get right: case, accents, quotes, rewrites, compounds, digits. */
const TRICKY = [
  'Mag ik SPORTEN met knieartrose?',
  'Röntgenfoto van mijn knie, is dat nodig?',
  'Heb ik een verwijzing nodig voor de fysiotherapeut — of niet?',
  "'k ben gevallen en ik kan ni meer rechtstaan",
  "m'n knie doet pijn sinds 't weekend",
  'da’s toch nie normaal, wa kunde doen',
  'ik heb `t gevoel dat het erger wordt',
  'koorts 39,5 graden na 2 dagen',
  '',
  '   ...   ',
  'pijnmedicatie knietje ingectie',
];

function plainAndLearned(texts: string[], flags: number[]): { plain: TextNormalizer; learned: TextNormalizer; result: ReturnType<TextNormalizer['learn']> } {
  const plain = new TextNormalizer(kb.language, kb.synonyms);
  plain.useVocabulary(texts.filter((_, i) => flags[i] & LEARN.vocabulary).map((t) => plain.baseWords(t)));
  const learned = new TextNormalizer(kb.language, kb.synonyms);
  const result = learned.learn(texts, flags);
  return { plain, learned, result };
}

function knowledgeTexts(): string[] {
  const texts: string[] = [];
  for (const topic of kb.topics.values()) {
    for (const c of Object.values(topic.locales)) texts.push(c.title, ...c.phrasings, c.label, ...allAnswerTexts(c).map((a) => a.text));
  }
  for (const id of INTENT_IDS) texts.push(...(kb.intents[id]?.phrasings ?? []), ...(kb.intents[id]?.exact ?? []));
  return texts;
}

describe('learning the vocabulary from interned words', () => {
  it('gives each text the stems and key of the plain path, and corrects typos alike', () => {
    const texts = [...knowledgeTexts(), ...TRICKY];
    const flags = texts.map((_, i) => (i % 5 === 4 ? LEARN.stems : LEARN.vocabulary | LEARN.stems | LEARN.key));
    const { plain, learned, result } = plainAndLearned(texts, flags);
    texts.forEach((text, i) => {
      const stems = Array.from(result.stemIds.subarray(result.stemStart[i], result.stemStart[i + 1]), (s) => result.stems[s]);
      expect(stems).toEqual(plain.contentStems(text));
      expect(result.keys[i]).toBe(flags[i] & LEARN.key ? plain.key(text) : '');
    });
    for (const message of [...TRICKY, 'helpt een ingectie bij knieartrose', 'gemerkt bepalen', 'fysiotherapuet', 'knieen ochtendstijfhied']) {
      expect(learned.correctedWords(message)).toEqual(plain.correctedWords(message));
      expect(learned.normalize(message)).toEqual(plain.normalize(message));
    }
  });

  it('keeps tokens apart when there are thousands of them', () => {
    // Enough distinct tokens to grow the token table several times.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const texts = Array.from({ length: 3000 }, (_, i) => {
      const word = (n: number) => letters[n % 26] + letters[Math.floor(n / 26) % 26] + letters[Math.floor(n / 676) % 26] + 'x' + String(n % 7);
      return `${word(i * 3)} ${word(i * 3 + 1).toUpperCase()} knie ${word(i * 3 + 2)}`;
    });
    const flags = texts.map(() => LEARN.vocabulary | LEARN.stems | LEARN.key);
    const { plain, result } = plainAndLearned(texts, flags);
    texts.forEach((text, i) => {
      expect(Array.from(result.stemIds.subarray(result.stemStart[i], result.stemStart[i + 1]), (s) => result.stems[s])).toEqual(plain.contentStems(text));
      expect(result.keys[i]).toBe(plain.key(text));
    });
  });
});

describe('the topic index built from stem ids', () => {
  it('indexes each distinct stem of a document once and skips documents without stems', () => {
    const stems = ['knie', 'pijn', 'trap'];
    // Texts: [knie knie pijn], [], [trap], [pijn knie].
    const texts = { stems, stemStart: Int32Array.from([0, 3, 3, 4, 6]), stemIds: Int32Array.from([0, 0, 1, 2, 1, 0]) };
    const index = new TopicIndex(texts, Int32Array.from([0, 1, 2, 3]), ['a', 'b', 'b', 'c']);
    expect(index.size).toBe(3);
    expect(stems.every((s) => index.knows(s))).toBe(true);
    expect(index.knows('heup')).toBe(false);
    expect(index.rank([{ stem: 'trap', weight: 1 }])[0].owner).toBe('b');
  });
});

describe('routing the same text more than once', () => {
  const messages = [
    'mag ik sporten met knieartrose?',
    'ja',
    'afspraak maken',
    'Beweegnorm',
    'ik heb pijn op de borst',
    'heup',
    'Ik fiets elke zondag. Mijn knie doet pijn. Hoe vaak moet ik bewegen?',
    'asdfghjkl',
    'hallo',
  ];

  it('decides as a router that sees each text once', () => {
    const repeated = new Router(kb, options);
    const reference = new Router(kb, options);
    // Another text in between, so that the reference works each one out afresh.
    const afresh = <T>(ask: (r: Router) => T): T => {
      reference.exactIntent('iets anders');
      return ask(reference);
    };
    const topic = kb.topics.keys().next().value as string;
    for (const text of messages) {
      expect(repeated.exactIntent(text)).toBe(afresh((r) => r.exactIntent(text)));
      expect(repeated.route(text, { locale: 'nl-NL' })).toEqual(afresh((r) => r.route(text, { locale: 'nl-NL' })));
      expect(repeated.route(text, { locale: 'nl-NL', previousTopic: topic })).toEqual(afresh((r) => r.route(text, { locale: 'nl-NL', previousTopic: topic })));
      expect(repeated.route(text, { locale: 'nl-NL' })).toEqual(afresh((r) => r.route(text, { locale: 'nl-NL' })));
      expect(repeated.yesNo(text)).toBe(afresh((r) => r.yesNo(text)));
    }
  });

  it('hands each caller a decision of its own', () => {
    const router = new Router(kb, options);
    const first = router.route('pijn', { locale: 'nl-NL' });
    first.candidates.length = 0;
    first.candidates.push({ topic: 'changed', score: 9 });
    const second = router.route('pijn', { locale: 'nl-NL' });
    expect(second.candidates.some((c) => c.topic === 'changed')).toBe(false);
    expect(second).toEqual(new Router(kb, options).route('pijn', { locale: 'nl-NL' }));
  });
});

describe('red flags with the words already split', () => {
  it('finds the same rule as from the text alone', () => {
    const normalizer = new Router(kb, options).normalizer;
    const detector = new EmergencyDetector(kb.emergency, kb.language, normalizer);
    for (const text of [
      'ik ben gevallen en kan niet meer op mijn been staan',
      'mijn knie is rood en dik en ik heb 39 graden koorts',
      'geen koorts of roodheid, wel een stijve knie',
      'ik heb pijn op de borst. Wat moet ik doen?',
      'mijn knie is warm, maar ik heb geen koorts',
    ]) {
      expect(detector.detect(text, normalizer.correctedWords(text))).toBe(detector.detect(text));
    }
  });
});
