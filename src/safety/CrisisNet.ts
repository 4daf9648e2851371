import type { CrisisExamples, KnowledgeBase } from '../knowledge/types';

/** What the net needs of the text normaliser: the folded, rewritten words of a text. */
export interface BaseWords {
  baseWords(text: string): string[];
}

/** Training settings; the defaults are the ones cross-validated in `npm run eval:crisis-net`. */
export interface CrisisNetOptions {
  /** Passes over the training examples. */
  epochs: number;
  /** AdaGrad's base step. */
  rate: number;
  /** L2 penalty per step, keeping single rare words from deciding alone. */
  l2: number;
}

export const CRISIS_NET_DEFAULTS: CrisisNetOptions = { epochs: 25, rate: 0.3, l2: 1e-4 };

/** The rule id a red flag found by the net carries (emergency.yaml has no rule of that name). */
export const CRISIS_NET_RULE = 'crisis-net';

/** Character n-grams of a word shorter than this add nothing the word itself does not say. */
const CHAR_MIN_WORD = 4;

/**
 * The features of a message: its words, word pairs, and the 4-letter pieces of its longer words
 * (so "zelfmoordgedachtes", "doodgaan" or a typo share pieces with the examples' words).
 */
export function crisisFeatures(words: readonly string[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    out.add(`w:${w}`);
    if (i + 1 < words.length) out.add(`b:${w} ${words[i + 1]}`);
    for (const piece of piecesOf(w)) out.add(`c:${piece}`);
  }
  return [...out];
}

/** The 4-letter pieces of a word, with `<` and `>` marking its ends; none for a short word. */
function piecesOf(w: string): string[] {
  if (w.length < CHAR_MIN_WORD) return [];
  const padded = `<${w}>`;
  const pieces: string[] = [];
  for (let j = 0; j + 4 <= padded.length; j++) pieces.push(padded.slice(j, j + 4));
  return pieces;
}

/**
 * A learned safety net for the crisis tier: logistic regression over a message's words, word
 * pairs and letter pieces, trained at start-up from `knowledge/crisis-examples.yaml` (crisis
 * wordings against ordinary questions, the FAQ and intent phrasings, and other tiers' emergencies).
 * The rules of emergency.yaml stay first: the detector asks the net only when no rule fired, so
 * the net can add a crisis alarm but never lower or change a tier. Pure after training.
 */
export class CrisisNet {
  private constructor(
    private readonly words: BaseWords,
    private readonly weights: ReadonlyMap<string, number>,
    /** The probability from which a message counts as a crisis. */
    readonly threshold: number,
    private readonly plainWords: ReadonlySet<string>,
  ) {}

  /**
   * Trains on crisis and other texts. Deterministic: the same examples give the same net.
   *
   * @param threshold the probability from which {@link flags} says crisis
   * @param plainWords words that say nothing on their own (the language's stop words and
   * negations): a message of only such words is not the net's to judge (see {@link flags})
   */
  static train(
    words: BaseWords,
    crisis: readonly string[],
    other: readonly string[],
    threshold: number,
    options: CrisisNetOptions = CRISIS_NET_DEFAULTS,
    plainWords: ReadonlySet<string> = new Set(),
  ): CrisisNet {
    // Features as indices into flat arrays: training runs at every start-up and must stay quick.
    // A word's own features (the word, its pieces) are looked up once per distinct word; each
    // text's features come in crisisFeatures' order, so the sums, and the weights, are the same.
    const index = new Map<string, number>();
    const idOf = (name: string): number => {
      let i = index.get(name);
      if (i === undefined) index.set(name, (i = index.size));
      return i;
    };
    const ofWord = new Map<string, { word: number; pieces: number[] }>();
    const seen: number[] = [];
    let stamp = 0;
    const encode = (text: string): Int32Array => {
      const ws = words.baseWords(text);
      const f: number[] = [];
      const add = (i: number) => {
        if (seen[i] === stamp) return;
        seen[i] = stamp;
        f.push(i);
      };
      stamp++;
      for (let k = 0; k < ws.length; k++) {
        let own = ofWord.get(ws[k]);
        if (!own) ofWord.set(ws[k], (own = { word: idOf(`w:${ws[k]}`), pieces: piecesOf(ws[k]).map((p) => idOf(`c:${p}`)) }));
        add(own.word);
        if (k + 1 < ws.length) add(idOf(`b:${ws[k]} ${ws[k + 1]}`));
        for (const p of own.pieces) add(p);
      }
      return Int32Array.from(f);
    };
    const examples = [...crisis.map((t) => ({ f: encode(t), y: 1 })), ...other.map((t) => ({ f: encode(t), y: 0 }))].filter((e) => e.f.length);
    // Balanced classes: a few hundred crisis texts against thousands of others.
    const pos = examples.filter((e) => e.y === 1).length || 1;
    const neg = examples.length - pos || 1;
    const classWeight = [examples.length / (2 * neg), examples.length / (2 * pos)];
    const w = new Float64Array(index.size);
    const g2 = new Float64Array(index.size).fill(1e-8);
    // No intercept: a text of words the net never saw stays at 0.5, below any threshold, instead
    // of taking the class balance's prior ("asdf" is no crisis).
    let seed = 20;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const order = examples.map((_, i) => i);
    const { rate, l2 } = options;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      // Indexed loops, not for-of: the iterators were a third of the training time (same weights).
      for (let n = 0; n < order.length; n++) {
        const { f, y } = examples[order[n]];
        const scale = 1 / Math.sqrt(f.length);
        let z = 0;
        for (let m = 0; m < f.length; m++) z += w[f[m]] * scale;
        const grad = (sigmoid(z) - y) * classWeight[y];
        for (let m = 0; m < f.length; m++) {
          const i = f[m];
          const g = grad * scale + l2 * w[i];
          g2[i] += g * g;
          w[i] -= (rate * g) / Math.sqrt(g2[i]);
        }
      }
    }
    const weights = new Map<string, number>();
    for (const [name, i] of index) if (w[i] !== 0) weights.set(name, w[i]);
    return new CrisisNet(words, weights, threshold, plainWords);
  }

  /** The net's probability that the text is a crisis message. */
  probability(text: string): number {
    return this.probabilityOf(this.words.baseWords(text ?? ''));
  }

  private probabilityOf(words: readonly string[]): number {
    const f = crisisFeatures(words);
    if (!f.length) return 0;
    const scale = 1 / Math.sqrt(f.length);
    let z = 0;
    for (const name of f) z += (this.weights.get(name) ?? 0) * scale;
    return sigmoid(z);
  }

  /**
   * True when the net's probability reaches the threshold, for the whole message or, in a story,
   * for two of its sentences in a row ({@link highest}). Only for a text of a few words at least, one of
   * which says something on its own: the net reads wordings the rules do not know, which take a
   * sentence with content, while a short answer ("the last one" at a choice) shares a word with a
   * farewell and nothing more, and a reply of only small words ("I don't know it", "I don't have
   * it") shares the first person and a "not" with nearly every crisis example.
   */
  flags(text: string): boolean {
    return this.highest(text) >= this.threshold;
  }

  /**
   * The highest probability of the whole text and, in a story, of each two sentences in a row: a
   * hint in the middle of a story ("sometimes I feel I had better not be here", then a question
   * about refunds) weighs little among the story's other words. Two sentences, not one: a single
   * short sentence out of its story ("I have no car.", "Is it any use?") was read as a crisis
   * 13 times on the development sets' ordinary messages, two in a row no more often than whole
   * messages. A text the net does not judge (see {@link flags}) counts as 0.
   */
  highest(text: string): number {
    const whole = this.words.baseWords(text ?? '');
    let best = this.judged(whole) ? this.probabilityOf(whole) : 0;
    const sentences = (text ?? '').match(SENTENCE) ?? [];
    // Two sentences in a row are the whole of a message of two.
    if (sentences.length < 3) return best;
    for (let i = 0; i + 1 < sentences.length; i++) {
      const words = this.words.baseWords(`${sentences[i]} ${sentences[i + 1]}`);
      if (this.judged(words)) best = Math.max(best, this.probabilityOf(words));
    }
    return best;
  }

  private judged(words: readonly string[]): boolean {
    return words.length >= MIN_WORDS && words.some((w) => !this.plainWords.has(w));
  }
}

/** A sentence of a story with its end, for {@link CrisisNet.highest}. */
const SENTENCE = /[^.!?;\n]+[.!?;\n]*/g;

/** The fewest words of a message the net judges (the rules judge every message). */
const MIN_WORDS = 4;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The texts the net learns from in a knowledge base: the examples file's crisis and other lists
 * (optionally without some groups, for cross-validation), the FAQ phrasings of every topic and
 * the intents' phrasings (those are ordinary questions by definition).
 */
export function crisisTrainingTexts(kb: KnowledgeBase, examples: CrisisExamples, leaveOut: ReadonlySet<string> = new Set()): { crisis: string[]; other: string[] } {
  const pick = (groups: Record<string, string[]>) => Object.entries(groups).filter(([g]) => !leaveOut.has(g)).flatMap(([, texts]) => texts);
  const faq = spread(
    [...kb.topics.values()].flatMap((t) => Object.values(t.locales).flatMap((l) => l?.phrasings ?? [])),
    MAX_FAQ_EXAMPLES,
  );
  const intents = Object.values(kb.intents).flatMap((i) => i.phrasings);
  return { crisis: pick(examples.crisis), other: [...pick(examples.notCrisis), ...faq, ...intents] };
}

/**
 * The most FAQ phrasings the net learns from as ordinary questions. Ours has under 3,000, all
 * used; a knowledge base of thousands of topics would otherwise train for seconds at every
 * start-up on more of the same kind of example.
 */
export const MAX_FAQ_EXAMPLES = 6000;

/** At most `max` of the items, spread evenly over the list (every topic keeps some), in order. */
function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}

/** The net a knowledge base describes, or undefined when it has no `crisis-examples.yaml`. */
export function crisisNetFor(kb: KnowledgeBase, words: BaseWords): CrisisNet | undefined {
  const examples = kb.crisisExamples;
  if (!examples) return undefined;
  const { crisis, other } = crisisTrainingTexts(kb, examples);
  return CrisisNet.train(words, crisis, other, examples.threshold, CRISIS_NET_DEFAULTS, plainWordsOf(kb));
}

/**
 * Words that say nothing on their own, the language's stop words and negations except the
 * examples file's `meaningfulStopwords`: the net judges a message only with a word besides them.
 */
export function plainWordsOf(kb: KnowledgeBase): ReadonlySet<string> {
  const meaningful = new Set(kb.crisisExamples?.meaningfulStopwords ?? []);
  return new Set([...kb.language.stopwords, ...kb.language.negations].filter((w) => !meaningful.has(w)));
}
