import { SUPPORTED_LOCALES } from '../config/AppConfig';
import type { IntentId, KnowledgeBase } from '../knowledge';
import { INTENT_IDS } from '../knowledge';
import { EmergencyDetector } from './EmergencyDetector';
import { TextNormalizer } from './TextNormalizer';
import { TopicIndex, type IndexEntry, type Ranked } from './TopicIndex';
import type { Candidate, RouteContext, RouteDecision, RouteIntent } from './types';

/** Confidence thresholds, from configuration (ROUTER_*), tuned with `npm run eval`. */
export interface RouterThresholds {
  /** Minimum score to answer without asking. */
  answerMin: number;
  /** Minimum score to offer a topic as a choice in "Bedoel je …?". */
  clarifyMin: number;
  /** How far the best topic must lead the next one to answer without asking. */
  margin: number;
}

export interface RouterOptions {
  thresholds: RouterThresholds;
  /** Longer messages are cut to this many characters before matching. */
  maxChars: number;
}

const INTENT_PREFIX = 'intent:';
/** Intents only meaningful as an answer to a question the bot asked. */
const REPLY_ONLY: ReadonlySet<IntentId> = new Set(['yes', 'no', 'stop', 'release']);
/** A follow-up this short is read against the previous topic. */
const SHORT_FOLLOW_UP_STEMS = 4;

/**
 * Decides what a patient's message is, in this order: emergency → commands → FAQ → small talk →
 * none. Framework-free: plain text in, a {@link RouteDecision} out. Built once at start-up.
 */
export class Router {
  readonly normalizer: TextNormalizer;
  private readonly emergency: EmergencyDetector;
  private readonly index: TopicIndex;
  private readonly exact = new Map<string, IntentId>();
  private readonly labels = new Map<string, string>();
  private readonly titleStems = new Map<string, string[]>();

  constructor(private readonly kb: KnowledgeBase, private readonly options: RouterOptions) {
    this.normalizer = new TextNormalizer(kb.language, kb.synonyms);
    const vocabulary: string[] = [];
    const entries: { owner: string; text: string }[] = [];
    for (const topic of kb.topics.values()) {
      for (const locale of SUPPORTED_LOCALES) {
        const c = topic.locales[locale];
        for (const text of [c.title, ...c.phrasings]) entries.push({ owner: topic.id, text });
        vocabulary.push(c.title, c.label, ...c.phrasings);
      }
    }
    for (const id of INTENT_IDS) {
      const intent = kb.intents[id];
      if (!intent) continue;
      for (const text of intent.phrasings) entries.push({ owner: INTENT_PREFIX + id, text });
      vocabulary.push(...intent.exact, ...intent.phrasings);
    }
    for (const phrases of Object.values(kb.emergency.concepts)) vocabulary.push(...phrases.map((p) => p.replace(/\*/g, '')));
    this.normalizer.useVocabulary(vocabulary);
    this.emergency = new EmergencyDetector(kb.emergency, kb.language, this.normalizer);

    const indexEntries: IndexEntry[] = entries.map((e) => ({ owner: e.owner, stems: this.normalizer.normalize(e.text).stems }));
    this.index = new TopicIndex(indexEntries);
    for (const id of INTENT_IDS) {
      for (const phrase of kb.intents[id]?.exact ?? []) {
        for (const key of this.exactKeys(phrase)) if (!this.exact.has(key)) this.exact.set(key, id);
      }
    }
    for (const topic of kb.topics.values()) {
      for (const locale of SUPPORTED_LOCALES) {
        const c = topic.locales[locale];
        this.labels.set(this.normalizer.key(c.label), topic.id);
        this.labels.set(this.normalizer.key(c.title), topic.id);
        this.titleStems.set(topic.id, [...(this.titleStems.get(topic.id) ?? []), ...this.normalizer.normalize(c.title).stems]);
      }
    }
  }

  /** Decides what the message is. Never throws for any input. */
  route(rawText: string, context: RouteContext): RouteDecision {
    const text = (rawText ?? '').slice(0, this.options.maxChars);
    const rule = this.emergency.detect(text);
    if (rule) return { intent: 'emergency', topic: null, score: 1, candidates: [], emergencyRule: rule };

    const command = this.exactIntent(text);
    if (command && !REPLY_ONLY.has(command)) return decision(command, null, 1);

    const label = this.labels.get(this.normalizer.key(text));
    if (label) return decision('faq', label, 1);

    const { stems } = this.normalizer.normalize(text);
    let ranked = this.index.rank(stems, 6);
    if (context.previousTopic && stems.length <= SHORT_FOLLOW_UP_STEMS && !this.confident(ranked)) {
      const extra = this.titleStems.get(context.previousTopic) ?? [];
      const withContext = this.index.rank([...stems, ...extra], 6, (o) => (o === context.previousTopic ? 1.1 : 1));
      if (withContext.length && (!ranked.length || withContext[0].score > ranked[0].score)) ranked = withContext;
    }
    // A message with one known word ("heup") is not yet a question: offer choices instead.
    const known = new Set(stems.filter((st) => this.index.knows(st))).size;
    const faq = this.decide(ranked, known >= 2);
    if (faq) return faq;

    const words = this.normalizer.baseWords(text);
    const opener = words.length ? this.exact.get(words[0]) : undefined;
    if (opener === 'greeting' || opener === 'thanks') return decision(opener, null, 0.5);
    return { intent: 'none', topic: null, score: ranked[0]?.score ?? 0, candidates: [] };
  }

  /** "ja"/"nee" (and the like) as an answer to the bot's own question; undefined otherwise. */
  yesNo(text: string): 'yes' | 'no' | undefined {
    const intent = this.exactIntent(text);
    return intent === 'yes' || intent === 'no' ? intent : undefined;
  }

  /** The command the whole message is ("opnieuw", "help", "vlaams"), if any. */
  exactIntent(text: string): IntentId | undefined {
    for (const key of this.exactKeys(text)) {
      const hit = this.exact.get(key);
      if (hit) return hit;
    }
    return undefined;
  }

  /** True when the topic exists in the knowledge base. */
  hasTopic(id: string): boolean {
    return this.kb.topics.has(id);
  }

  private exactKeys(text: string): string[] {
    const words = this.normalizer.baseWords(text);
    const content = words.filter((w) => !this.normalizer.isStopword(w));
    const keys = [words.join(' ')];
    if (content.length && content.length !== words.length) keys.push(content.join(' '));
    return keys.filter(Boolean);
  }

  private confident(ranked: Ranked[]): boolean {
    const { answerMin, margin } = this.options.thresholds;
    return ranked.length > 0 && ranked[0].score >= answerMin && ranked[0].score - (ranked[1]?.score ?? 0) >= margin;
  }

  private decide(ranked: Ranked[], mayAnswer: boolean): RouteDecision | undefined {
    const { answerMin, clarifyMin, margin } = this.options.thresholds;
    if (!ranked.length || ranked[0].score < clarifyMin) return undefined;
    const top = ranked[0];
    const candidates: Candidate[] = ranked
      .filter((r) => !r.owner.startsWith(INTENT_PREFIX))
      .map((r) => ({ topic: r.owner, score: round(r.score) }));
    if (mayAnswer && this.confident(ranked)) {
      if (top.owner.startsWith(INTENT_PREFIX)) return decision(top.owner.slice(INTENT_PREFIX.length) as RouteIntent, null, top.score);
      return { intent: 'faq', topic: top.owner, score: round(top.score), candidates: candidates.slice(0, 3) };
    }
    const close = candidates.filter((c) => c.score >= clarifyMin && c.score >= top.score - Math.max(margin, 0.15)).slice(0, 3);
    if (top.owner.startsWith(INTENT_PREFIX) && top.score >= answerMin && !close.length) {
      return decision(top.owner.slice(INTENT_PREFIX.length) as RouteIntent, null, top.score);
    }
    if (!close.length) return undefined;
    return { intent: 'clarify', topic: null, score: round(top.score), candidates: close };
  }
}

function decision(intent: RouteIntent, topic: string | null, score: number): RouteDecision {
  return { intent, topic, score: round(score), candidates: [] };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
