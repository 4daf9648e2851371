import { SUPPORTED_LOCALES, type Locale } from '../../src/config';
import type { KnowledgeBase, Topic } from '../../src/knowledge';
import type { DutchWordList } from './DutchWordList';
import { SeededRandom } from './SeededRandom';

/** A question written for one synthetic topic but not among its phrasings. */
export interface SyntheticQuery {
  text: string;
  locale: Locale;
  topic: string;
}

/** A knowledge base whose topics are generated, and held-out questions for it. */
export interface SyntheticKnowledge {
  kb: KnowledgeBase;
  queries: SyntheticQuery[];
}

/** Phrasings per topic and locale (the issue asks for 8 or more). */
export const PHRASINGS_PER_LOCALE = 10;

/**
 * Builds a knowledge base of `topicCount` Dutch-looking topics: a clone of the real one (same
 * language data, synonyms, intents and emergency rules) with `topics` replaced. Each topic is
 * about its own compound noun ("zwemband", "traplamp"), a second noun and a verb, phrased
 * through the templates of the word list; one held-out phrasing per topic (with a typo in a
 * third of them) becomes a query, so the benchmark routes questions the index has not seen.
 */
export function buildSyntheticKnowledge(base: KnowledgeBase, topicCount: number, words: DutchWordList, seed = 20261123): SyntheticKnowledge {
  const random = new SeededRandom(seed + topicCount);
  const compounds = random.sample(
    words.compoundHeads.flatMap((h) => words.compoundTails.map((t) => h + t)),
    Number.MAX_SAFE_INTEGER,
  );
  const topics = new Map<string, Topic>();
  const queries: SyntheticQuery[] = [];
  for (let i = 0; i < topicCount; i++) {
    // Past the number of distinct compounds, diminutives ("zwembandje") keep focus words apart.
    const round = Math.floor(i / compounds.length);
    const focus = compounds[i % compounds.length] + ['', 'je', 'tje', 'etje'][round % 4] + (round >= 4 ? String(round) : '');
    const slots: Slots = { focus, focus2: random.pick(words.nouns), verb: random.pick(words.verbs) };
    const id = `synthetic-${String(i + 1).padStart(5, '0')}`;
    const locales = {} as Topic['locales'];
    for (const locale of SUPPORTED_LOCALES) {
      const templates = random.sample(words.phrasings[locale], PHRASINGS_PER_LOCALE + 1);
      const [heldOut, ...used] = templates;
      locales[locale] = {
        title: fill(random.pick(words.titles[locale]), slots, words, random),
        label: fill(random.pick(words.labels[locale]), slots, words, random),
        phrasings: used.map((t) => fill(t, slots, words, random)),
        answer: fill(words.answers[locale], slots, words, random),
      };
      if ((i + (locale === 'nl-NL' ? 0 : 1)) % 2 === 0) {
        const text = fill(heldOut, slots, words, random);
        queries.push({ text: random.next() < 0.33 ? withTypo(text, focus, random) : text, locale, topic: id });
      }
    }
    topics.set(id, {
      id, sources: ['bench'], followUps: [], alwaysHuman: false, reviewedBy: null, reviewedOn: null, nextReview: null, locales,
    });
  }
  const kb: KnowledgeBase = { ...structuredClone({ ...base, topics: new Map<string, Topic>() }), topics };
  return { kb, queries };
}

interface Slots {
  focus: string;
  focus2: string;
  verb: string;
}

function fill(template: string, slots: Slots, words: DutchWordList, random: SeededRandom): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    switch (name) {
      case 'focus': return slots.focus;
      case 'Focus': return capitalize(slots.focus);
      case 'focus2': return slots.focus2;
      case 'verb': return slots.verb;
      case 'Verb': return capitalize(slots.verb);
      case 'body': return random.pick(words.bodyParts);
      case 'cond': return random.pick(words.conditions);
      case 'person': return random.pick(words.people);
      case 'time': return random.pick(words.timeWords);
      case 'adj': return random.pick(words.adjectives);
      case 'age': return String(45 + random.int(40));
      default: throw new Error(`dutch-words.json: unknown placeholder ${whole}`);
    }
  });
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Swaps two adjacent letters inside the focus word, as a hurried patient would. */
function withTypo(text: string, focus: string, random: SeededRandom): string {
  if (focus.length < 6 || !text.includes(focus)) return text;
  const at = 2 + random.int(focus.length - 4);
  const typo = focus.slice(0, at) + focus[at + 1] + focus[at] + focus.slice(at + 2);
  return text.replace(focus, typo);
}
