import { SUPPORTED_LOCALES } from '../../src/config';
import { INTENT_IDS, type KnowledgeBase, type Topic } from '../../src/knowledge';
import type { Example } from './dataset';

/** One fold of the cross-validation: the knowledge base without some phrasings, and those phrasings as examples. */
export interface Fold {
  kb: KnowledgeBase;
  held: Example[];
}

/** The intents whose phrasings are cross-validated (the others are commands, matched whole). */
const LEARNED_INTENTS = ['booking', 'cancel-booking', 'handoff', 'greeting', 'thanks', 'help', 'restart'] as const;

/**
 * Splits the knowledge base's phrasings (topics per locale, and the learned intents) into `k`
 * folds: fold i trains on the other k − 1 parts and is scored on part i. Titles, labels, answers
 * and the intents' exact commands stay in every fold. Deterministic: a fixed-seed shuffle per
 * topic and locale, so each topic is spread evenly over the folds.
 */
export function phrasingFolds(kb: KnowledgeBase, k: number, seed = 20261205): Fold[] {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const foldOf = <T>(items: readonly T[]): number[] => {
    const order = items.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const fold = new Array<number>(items.length);
    order.forEach((item, position) => (fold[item] = position % k));
    return fold;
  };
  const topicFolds = new Map<string, Record<string, number[]>>();
  for (const topic of kb.topics.values()) {
    topicFolds.set(topic.id, Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, foldOf(topic.locales[l].phrasings)])));
  }
  const intentFolds = new Map<string, number[]>();
  for (const id of LEARNED_INTENTS) intentFolds.set(id, foldOf(kb.intents[id]?.phrasings ?? []));

  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const held: Example[] = [];
    const topics = new Map<string, Topic>();
    for (const topic of kb.topics.values()) {
      const locales = { ...topic.locales };
      for (const locale of SUPPORTED_LOCALES) {
        const c = topic.locales[locale];
        const fold = topicFolds.get(topic.id)![locale];
        c.phrasings.forEach((text, i) => {
          if (fold[i] === f) held.push({ text, locale, intent: 'faq', topic: topic.id, style: 'phrasing' });
        });
        locales[locale] = { ...c, phrasings: c.phrasings.filter((_, i) => fold[i] !== f) };
      }
      topics.set(topic.id, { ...topic, locales });
    }
    const intents = { ...kb.intents };
    for (const id of INTENT_IDS) {
      const fold = intentFolds.get(id);
      const intent = kb.intents[id];
      if (!fold || !intent) continue;
      intent.phrasings.forEach((text, i) => {
        if (fold[i] === f) held.push({ text, locale: localeOfIntentPhrasing(kb, id, i), intent: id, style: 'phrasing' });
      });
      intents[id] = {
        ...intent,
        phrasings: intent.phrasings.filter((_, i) => fold[i] !== f),
        phrasingLocales: intent.phrasingLocales.filter((_, i) => fold[i] !== f),
      };
    }
    folds.push({ kb: { ...kb, topics, intents }, held });
  }
  return folds;
}

/** The locale an intent phrasing was written for, when the intents file says so; nl-NL otherwise. */
function localeOfIntentPhrasing(kb: KnowledgeBase, id: string, index: number): Example['locale'] {
  return kb.intents[id as (typeof INTENT_IDS)[number]]?.phrasingLocales[index] ?? 'nl-NL';
}
