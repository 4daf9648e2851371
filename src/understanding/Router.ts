import { performance } from 'node:perf_hooks';
import { SUPPORTED_LOCALES } from '../config/AppConfig';
import type { IntentId, KnowledgeBase } from '../knowledge';
import { INTENT_IDS } from '../knowledge';
import { EmergencyDetector } from './EmergencyDetector';
import { TextNormalizer } from './TextNormalizer';
import { TopicIndex, type IndexEntry, type QueryTerm, type Ranked } from './TopicIndex';
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
 * In a story of several sentences the question carries the meaning: stems found only in the
 * other sentences count this much (tuned with `npm run eval`: 0.55–0.7 best, 1 = no weighting).
 */
const STORY_WEIGHT = 0.7;
/** An answer needs more than this share of the message's stems to be known words. */
const KNOWN_SHARE = 0.5;
/** Messages routed to warm up, and the longest the event loop is held at a time; see {@link Router.warmUp}. */
const WARM_UP_MESSAGES = 1500;
const WARM_UP_SLICE_MS = 4;
/** Topics within this distance of the best one are offered together in "Bedoel je …?". */
const CLARIFY_WINDOW = 0.17;

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
  /** Stems of the answers' text: words of the domain, even where no phrasing uses them. */
  private readonly answerStems = new Set<string>();
  /** The phrasings, kept for {@link warmUp}. */
  private readonly samples: string[];

  constructor(private readonly kb: KnowledgeBase, private readonly options: RouterOptions) {
    this.normalizer = new TextNormalizer(kb.language, kb.synonyms);
    // Each text is split into words once, for the vocabulary and for the index both.
    const vocabulary: string[][] = [];
    const entries: { owner: string; text: string; words: string[] }[] = [];
    const add = (owner: string, text: string) => {
      const words = this.normalizer.baseWords(text);
      entries.push({ owner, text, words });
      vocabulary.push(words);
    };
    for (const topic of kb.topics.values()) {
      for (const locale of SUPPORTED_LOCALES) {
        const c = topic.locales[locale];
        add(topic.id, c.title);
        for (const text of c.phrasings) add(topic.id, text);
        vocabulary.push(this.normalizer.baseWords(c.label));
      }
    }
    for (const id of INTENT_IDS) {
      const intent = kb.intents[id];
      if (!intent) continue;
      for (const text of intent.phrasings) add(INTENT_PREFIX + id, text);
      for (const text of intent.exact) vocabulary.push(this.normalizer.baseWords(text));
    }
    for (const phrases of Object.values(kb.emergency.concepts)) for (const p of phrases) vocabulary.push(this.normalizer.baseWords(p.replace(/\*/g, '')));
    this.normalizer.useVocabulary(vocabulary);
    this.emergency = new EmergencyDetector(kb.emergency, kb.language, this.normalizer);

    for (const topic of kb.topics.values()) {
      for (const locale of SUPPORTED_LOCALES) for (const st of this.normalizer.contentStems(topic.locales[locale].answer)) this.answerStems.add(st);
    }
    const indexEntries: IndexEntry[] = entries.map((e) => ({ owner: e.owner, stems: this.normalizer.normalizeWords(e.words).stems }));
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
    this.samples = entries.map((e) => e.text);
  }

  /**
   * Routes a sample of the knowledge base's own phrasings (alone, as stories, with typos and
   * unknown words, and the red flags) so that the JavaScript engine has compiled every path:
   * otherwise the first few hundred messages each take milliseconds instead of a tenth of one.
   * Runs after the server listens, in slices of a few milliseconds, so it neither delays
   * start-up nor holds up a patient's message for longer than a slice.
   */
  async warmUp(): Promise<void> {
    const texts = this.samples;
    // Also with a letter left out, an unknown word, a diminutive and an unknown compound, so that
    // typo correction and the other paths for unknown words are compiled too; and the red flags.
    const variant = (t: string, i: number) =>
      t.replace(/\b(\w{3})\w(\w{4,})\b/, '$1$2') + [' zwartwitkniefoto', ' knietje', ' qzx', ' vanochtend'][i % 4];
    const anyTopic = this.kb.topics.keys().next().value;
    const flags = this.kb.emergency.rules.map((r, i) => r.all.map((c) => this.kb.emergency.concepts[c]?.[i % 2] ?? '').join(' en '));
    const step = Math.max(1, Math.floor(texts.length / WARM_UP_MESSAGES));
    let sliceEnd = performance.now() + WARM_UP_SLICE_MS;
    for (let n = 0, i = 0; n < WARM_UP_MESSAGES && texts.length > 2; n++, i = (i + step) % (texts.length - 2)) {
      if (performance.now() > sliceEnd) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceEnd = performance.now() + WARM_UP_SLICE_MS;
      }
      if (n % 4 === 0) this.route(`${texts[i]}. ${variant(texts[i + 1], n)}, ${texts[i + 2]}?`, { locale: 'nl-NL' });
      else if (n % 4 === 1) this.route(variant(texts[i], n), { locale: 'nl-BE', previousTopic: anyTopic });
      else if (n % 4 === 2) this.route(texts[i], { locale: 'nl-NL' });
      else this.route(flags[n % flags.length] ?? texts[i], { locale: 'nl-BE' });
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

    const terms = this.queryTerms(text);
    let ranked = this.index.rank(terms, 6);
    if (context.previousTopic && terms.length <= SHORT_FOLLOW_UP_STEMS && !this.confident(ranked)) {
      const extra = (this.titleStems.get(context.previousTopic) ?? []).map((stem) => ({ stem, weight: 1 }));
      const withContext = this.index.rank([...terms, ...extra], 6, (o) => (o === context.previousTopic ? 1.1 : 1));
      if (withContext.length && (!ranked.length || withContext[0].score > ranked[0].score)) ranked = withContext;
    }
    // A message with one known word ("heup") is not yet a question, and one that is half unknown
    // words ("hoeveel kost een treinkaartje naar brussel") is probably about something else:
    // offer choices instead of answering.
    let known = 0;
    let knownWeight = 0;
    let totalWeight = 0;
    for (const q of terms) {
      totalWeight += q.weight;
      if (!this.index.knows(q.stem)) continue;
      known += 1;
      knownWeight += q.weight;
    }
    const faq = this.decide(ranked, known >= 2 && knownWeight > totalWeight * KNOWN_SHARE);
    if (faq) return faq;

    const words = this.normalizer.baseWords(text);
    const opener = words.length ? this.exact.get(words[0]) : undefined;
    if (opener === 'greeting' || opener === 'thanks') return decision(opener, null, 0.5);
    return { intent: 'none', topic: null, score: ranked[0]?.score ?? 0, candidates: [] };
  }

  /** The topics (and intents) the message is closest to, best first, with the signals behind each score. */
  explain(text: string, limit = 10): Ranked[] {
    return this.index.rank(this.queryTerms((text ?? '').slice(0, this.options.maxChars)), limit);
  }

  /**
   * The message's distinct stems, weighted: in a story of several sentences, stems found only
   * outside the question count for less. Words that only the answers use are left out: they are
   * of the domain, so they should not count against a match as unknown words do.
   */
  private queryTerms(text: string): QueryTerm[] {
    return this.storyTerms(text).filter((q) => this.index.knows(q.stem) || !this.answerStems.has(q.stem));
  }

  private storyTerms(text: string): QueryTerm[] {
    const sentences = text.split(/(?<=[.!?\n])\s*/).filter((s) => /[a-z0-9]/i.test(s));
    if (sentences.length < 2) return [...new Set(this.normalizer.normalize(text).stems)].map((stem) => ({ stem, weight: 1 }));
    const questions = sentences.filter((s) => s.includes('?'));
    const main = questions.length ? questions : [sentences[sentences.length - 1]];
    const weights = new Map<string, number>();
    for (const s of sentences) {
      const w = main.includes(s) ? 1 : STORY_WEIGHT;
      for (const stem of this.normalizer.normalize(s).stems) weights.set(stem, Math.max(weights.get(stem) ?? 0, w));
    }
    return [...weights].map(([stem, weight]) => ({ stem, weight }));
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
    const close = candidates.filter((c) => c.score >= clarifyMin && c.score >= top.score - CLARIFY_WINDOW).slice(0, 3);
    // An action (booking, a call back) is cheap to undo and cannot be offered as a choice: take
    // it from halfway between the two thresholds when it leads clearly.
    const lead = top.score - (ranked[1]?.score ?? 0);
    if (top.owner.startsWith(INTENT_PREFIX) && top.score >= (answerMin + clarifyMin) / 2 && lead >= margin) {
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
