/**
 * Texts as stem ids, one after another (what `TextNormalizer.learn` returns): text i's stems
 * are `stems[stemIds[k]]` for k from `stemStart[i]` up to `stemStart[i + 1]`, in the text's order,
 * repeats kept.
 */
export interface StemmedTexts {
  /** Every distinct stem, by id. */
  readonly stems: readonly string[];
  readonly stemStart: Int32Array;
  readonly stemIds: Int32Array;
}

/** A query stem with how much it counts: 1 for the question itself, less for the story around it. */
export interface QueryTerm {
  stem: string;
  weight: number;
}

/** A ranked owner with its score and the signals it was made of. */
export interface Ranked {
  owner: string;
  /** Confidence 0..1 that this is what the patient asks: the thresholds apply to it. */
  score: number;
  /** Similarity of the owner's best phrasing to the query, 0..1. */
  sim: number;
  /** Share of the query's weight that the owner's whole vocabulary covers, 0..1. */
  cover: number;
  /** Probability from the learned term weights, 0..1. */
  prob: number;
  /** Overlap score (best phrasing, coverage, agreement), 0..1. */
  overlap: number;
}

/** Share of the overlap score that comes from the best phrasing; the rest is topic coverage. */
const W_SIM = 0.5;
/** A phrasing that shares only one informative stem with the query counts this much. */
const SINGLE_TERM_FACTOR = 0.75;
/** An unknown word weighs as much as the rarest known one: it is what an out-of-scope question is about. */
const UNKNOWN_WEIGHT = 1;
/** Weight of the learned probability next to the overlap score. */
const ALPHA = 0.5;
/** Training of the term weights: passes, learning rate and L2 penalty (tuned with `npm run eval`). */
const EPOCHS = 12;
const LEARNING_RATE = 1;
const L2 = 1e-4;
/**
 * At most this many weight updates in training (ours needs about 2 million): a knowledge base
 * of thousands of topics trains on fewer passes or a sample of its phrasings instead of delaying
 * start-up for minutes. Fewer passes give flatter probabilities, so the overlap score leads.
 * Halving it from 10 million left the benchmark's held-out questions at 500 and 5,000 topics
 * answered exactly as well, and took a quarter off the 5,000-topic build.
 */
const TRAINING_BUDGET = 5e6;

/**
 * Ranks topics for a query, built once at start-up. Two views are combined:
 * - overlap: IDF-weighted term overlap with each phrasing (geometric mean of how much of the
 *   phrasing the query covers and how much of the query the phrasing covers), mixed with how much
 *   of the query the topic's whole vocabulary covers and nudged by how many phrasings agree;
 * - learned weights: a softmax model with one weight per (stem, topic) pair that occurs in the
 *   knowledge, trained on the phrasings themselves, which learns which words tell topics apart.
 * Weights exist only where a topic uses a stem, so scoring touches only the postings of the
 * query's stems: O(query stems × postings), whatever the number of topics.
 */
export class TopicIndex {
  private maxIdf = 1;
  private readonly owners: string[] = [];
  private readonly ownerDocCount: Int32Array;
  private readonly termIds = new Map<string, number>();
  private readonly idf: Float64Array;
  /** Per term t: the documents that contain it are docPost[docPostStart[t] … docPostStart[t + 1]). */
  private readonly docPostStart: Int32Array;
  private readonly docPost: Int32Array;
  /**
   * Per term t: the owners whose documents contain it are postOwner[postStart[t] …
   * postStart[t + 1]), and weights[] holds the learned weight of each of those pairs.
   */
  private readonly postOwner: Int32Array;
  private readonly postStart: Int32Array;
  private readonly weights: Float64Array;
  private readonly docOwner: Int32Array;
  private readonly docMass: Float64Array;
  /** Per document d: its distinct terms, in the order they first occur, are docTerm[docTermStart[d] … docTermStart[d + 1]). */
  private readonly docTermStart: Int32Array;
  private readonly docTerm: Int32Array;
  /** A stem in more phrasings than this is "common": see {@link rank}. */
  private readonly commonPostings: number;
  // Buffers reused by every query, marked per query with a stamp: ranking allocates almost nothing.
  private stamp = 0;
  private readonly docStamp: Int32Array;
  private readonly touchedDocs: Int32Array;
  private readonly overlap: Float64Array;
  private readonly matched: Float64Array;
  private readonly ownerStamp: Int32Array;
  private readonly touchedOwners: Int32Array;
  private readonly best: Float64Array;
  private readonly agree: Float64Array;
  private readonly cover: Float64Array;
  private readonly z: Float64Array;

  /**
   * @param texts the knowledge base's texts as stem ids
   * @param docs which of the texts to index, in order (phrasings and titles)
   * @param docOwners the topic (or intent) each of those belongs to
   */
  constructor(texts: StemmedTexts, docs: Int32Array, docOwners: readonly string[]) {
    const { stems, stemStart, stemIds } = texts;
    const ownerIds = new Map<string, number>();
    const ownerDocs: number[] = [];
    // Stem ids become term ids in the order the stems first occur in a document, so that the
    // index is laid out as if it had been built from the stems' text.
    const termOf = new Int32Array(stems.length).fill(-1);
    const lastDoc = new Int32Array(stems.length).fill(-1);
    const termStems: string[] = [];
    const docOwner = new Int32Array(docs.length);
    const docTermStart = new Int32Array(docs.length + 1);
    const docTerm = new Int32Array(stemStart[stemStart.length - 1]);
    let nd = 0;
    let nTerms = 0;
    // Documents come grouped by owner: its id is looked up once per group.
    let previous: string | undefined;
    let o = -1;
    for (let e = 0; e < docs.length; e++) {
      const owner = docOwners[e];
      if (owner !== previous) {
        let id = ownerIds.get(owner);
        if (id === undefined) {
          id = this.owners.length;
          ownerIds.set(owner, id);
          this.owners.push(owner);
          ownerDocs.push(0);
        }
        o = id;
        previous = owner;
      }
      // Each distinct stem once, in order: one stamp per stem instead of a Set per phrasing.
      const begin = docTermStart[nd];
      let end = begin;
      for (let k = stemStart[docs[e]], stop = stemStart[docs[e] + 1]; k < stop; k++) {
        const s = stemIds[k];
        if (lastDoc[s] === e) continue;
        lastDoc[s] = e;
        let t = termOf[s];
        if (t < 0) {
          t = termOf[s] = nTerms++;
          termStems.push(stems[s]);
        }
        docTerm[end++] = t;
      }
      if (end === begin) continue;
      docOwner[nd] = o;
      ownerDocs[o] += 1;
      docTermStart[++nd] = end;
    }
    for (let t = 0; t < nTerms; t++) this.termIds.set(termStems[t], t);
    this.docOwner = docOwner.slice(0, nd);
    this.docTermStart = docTermStart.slice(0, nd + 1);
    this.docTerm = docTerm.slice(0, this.docTermStart[nd]);
    this.ownerDocCount = new Int32Array(ownerDocs);

    // Per term, its documents in ascending order, laid out one term after another.
    this.docPostStart = new Int32Array(nTerms + 1);
    for (let k = 0; k < this.docTerm.length; k++) this.docPostStart[this.docTerm[k] + 1] += 1;
    for (let t = 0; t < nTerms; t++) this.docPostStart[t + 1] += this.docPostStart[t];
    this.docPost = new Int32Array(this.docTerm.length);
    const fill = this.docPostStart.slice(0, nTerms);
    for (let d = 0; d < nd; d++) {
      for (let k = this.docTermStart[d], end = this.docTermStart[d + 1]; k < end; k++) this.docPost[fill[this.docTerm[k]]++] = d;
    }

    // Weights count topics, not phrasings: a word that many topics use ("heup", "artrose")
    // says little about which topic is meant, however often one topic repeats it.
    const n = this.owners.length;
    // Per term, its owners once each, in ascending order; one stamp array instead of a Set per term.
    const seen = new Int32Array(n).fill(-1);
    this.postStart = new Int32Array(nTerms + 1);
    for (let t = 0; t < nTerms; t++) {
      let count = 0;
      for (let k = this.docPostStart[t], end = this.docPostStart[t + 1]; k < end; k++) {
        const owner = this.docOwner[this.docPost[k]];
        if (seen[owner] === t) continue;
        seen[owner] = t;
        count++;
      }
      this.postStart[t + 1] = this.postStart[t] + count;
    }
    this.postOwner = new Int32Array(this.postStart[nTerms]);
    seen.fill(-1);
    this.idf = new Float64Array(nTerms);
    for (let t = 0; t < nTerms; t++) {
      let at = this.postStart[t];
      let sorted = true;
      for (let k = this.docPostStart[t], end = this.docPostStart[t + 1]; k < end; k++) {
        const owner = this.docOwner[this.docPost[k]];
        if (seen[owner] === t) continue;
        seen[owner] = t;
        if (at > this.postStart[t] && this.postOwner[at - 1] > owner) sorted = false;
        this.postOwner[at++] = owner;
      }
      if (!sorted) this.postOwner.subarray(this.postStart[t], at).sort();
      const owners = at - this.postStart[t];
      this.idf[t] = Math.log(1 + (n - owners + 0.5) / (owners + 0.5));
    }
    this.maxIdf = Math.log(1 + (n - 1 + 0.5) / 1.5);
    this.docMass = new Float64Array(nd);
    for (let d = 0; d < nd; d++) {
      let mass = 0;
      for (let k = this.docTermStart[d], end = this.docTermStart[d + 1]; k < end; k++) mass += this.idf[this.docTerm[k]];
      this.docMass[d] = mass;
    }
    this.commonPostings = Math.max(2000, nd / 100);
    this.docStamp = new Int32Array(nd);
    this.touchedDocs = new Int32Array(nd);
    this.overlap = new Float64Array(nd);
    this.matched = new Float64Array(nd);
    this.ownerStamp = new Int32Array(n);
    this.touchedOwners = new Int32Array(n);
    this.best = new Float64Array(n);
    this.agree = new Float64Array(n);
    this.cover = new Float64Array(n);
    this.z = new Float64Array(n);
    this.weights = new Float64Array(this.postOwner.length);
    this.train();
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.docOwner.length;
  }

  /** How much the stem tells owners apart (0 for a stem every owner uses); unknown stems count as the rarest. */
  weightOf(stem: string): number {
    const id = this.termIds.get(stem);
    return id === undefined ? this.maxIdf : this.idf[id];
  }

  /** True when the stem occurs anywhere in the index. */
  knows(stem: string): boolean {
    return this.termIds.has(stem);
  }

  /** True when some owner that passes `test` uses the stem in one of its documents. */
  usedBy(stem: string, test: (owner: string) => boolean): boolean {
    const t = this.termIds.get(stem);
    if (t === undefined) return false;
    for (let k = this.postStart[t], end = this.postStart[t + 1]; k < end; k++) if (test(this.owners[this.postOwner[k]])) return true;
    return false;
  }

  /**
   * Owners ranked by score, best first, at most `limit`. A known stem given twice counts once
   * (with its higher weight); unknown stems should be given once each.
   */
  rank(query: readonly QueryTerm[], limit = 5, boost?: (owner: string) => number): Ranked[] {
    const ids: number[] = [];
    const ws: number[] = [];
    let unknown = 0;
    let unknownSq = 0;
    for (const { stem, weight } of query) {
      const id = this.termIds.get(stem);
      if (id === undefined) {
        unknown += weight;
        unknownSq += weight * weight;
        continue;
      }
      const at = ids.indexOf(id);
      if (at < 0) {
        ids.push(id);
        ws.push(weight);
      } else ws[at] = Math.max(ws[at], weight);
    }
    if (!ids.length) return [];
    // Unknown words count against every match, in the overlap and in the model's input alike:
    // "hoeveel kost een treinticket" must not borrow confidence from "hoeveel kost" alone.
    let queryMass = unknown * this.maxIdf * UNKNOWN_WEIGHT;
    let norm = unknownSq;
    for (let i = 0; i < ids.length; i++) {
      queryMass += ws[i] * this.idf[ids[i]];
      norm += ws[i] * ws[i];
    }
    const scale = 1 / Math.sqrt(norm);
    const stamp = ++this.stamp;
    const { overlap, matched, docStamp, touchedDocs, best, agree, cover, z, ownerStamp, touchedOwners } = this;
    let nDocs = 0;
    let nOwners = 0;
    // Phrasings are found through the query's less common stems. A stem in very many phrasings
    // ("knie" in a large knowledge base) only adds to phrasings found that way; a query of such
    // stems only finds phrasings through the least common of them.
    const { docPostStart, docPost, docTermStart, docTerm } = this;
    const postings = (t: number) => docPostStart[t + 1] - docPostStart[t];
    let seed = ids[0];
    for (const t of ids) if (postings(t) < postings(seed)) seed = t;
    const finds = (t: number) => t === seed || postings(t) <= this.commonPostings;
    for (const pass of [0, 1]) {
      for (let i = 0; i < ids.length; i++) {
        const t = ids[i];
        if ((pass === 0) !== finds(t)) continue;
        const idf = this.idf[t] * ws[i];
        const strong = this.idf[t] >= 0.25 * this.maxIdf ? 1 : 0;
        if (pass === 1) {
          for (let k = 0; k < nDocs; k++) {
            const d = touchedDocs[k];
            for (let j = docTermStart[d], end = docTermStart[d + 1]; j < end; j++) {
              if (docTerm[j] !== t) continue;
              overlap[d] += idf;
              matched[d] += strong;
              break;
            }
          }
          continue;
        }
        for (let k = docPostStart[t], end = docPostStart[t + 1]; k < end; k++) {
          const d = docPost[k];
          if (docStamp[d] !== stamp) {
            docStamp[d] = stamp;
            overlap[d] = 0;
            matched[d] = 0;
            touchedDocs[nDocs++] = d;
          }
          overlap[d] += idf;
          matched[d] += strong;
        }
      }
    }
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i];
      const w = ws[i];
      const idf = this.idf[t] * w;
      const { postOwner, weights } = this;
      for (let k = this.postStart[t], end = this.postStart[t + 1]; k < end; k++) {
        const o = postOwner[k];
        if (ownerStamp[o] !== stamp) {
          ownerStamp[o] = stamp;
          best[o] = 0;
          agree[o] = 0;
          cover[o] = 0;
          z[o] = 0;
          touchedOwners[nOwners++] = o;
        }
        cover[o] += idf;
        z[o] += weights[k] * w * scale;
      }
    }
    for (let k = 0; k < nDocs; k++) {
      const d = touchedDocs[k];
      const o = this.docOwner[d];
      // One shared word is weak evidence ("belastingen" is not "belasting" of a joint).
      const single = matched[d] < 2 ? SINGLE_TERM_FACTOR : 1;
      const sim = single * Math.sqrt((overlap[d] / this.docMass[d]) * (overlap[d] / queryMass));
      if (sim > best[o]) best[o] = sim;
      if (sim >= 0.35) agree[o] += 1;
    }
    // Softmax over all owners; an untouched owner has z = 0 and adds exp(0) = 1.
    let partition = this.owners.length - nOwners;
    for (let k = 0; k < nOwners; k++) {
      const o = touchedOwners[k];
      z[o] = Math.exp(z[o]);
      partition += z[o];
    }
    // The best `limit` owners in a small sorted list: no object for the others.
    const top: Ranked[] = [];
    for (let k = 0; k < nOwners; k++) {
      const o = touchedOwners[k];
      const support = agree[o] / Math.max(4, this.ownerDocCount[o]);
      const cov = cover[o] / queryMass;
      const ov = Math.min(1, (W_SIM * best[o] + (1 - W_SIM) * cov) * (0.9 + 0.1 * Math.min(1, support * 2)));
      const prob = z[o] / partition;
      let score = (ov + ALPHA * prob) / (1 + ALPHA);
      if (boost) score = Math.min(1, score * boost(this.owners[o]));
      if (top.length === limit && score <= top[limit - 1].score) continue;
      let at = top.length;
      while (at > 0 && top[at - 1].score < score) at--;
      top.splice(at, 0, { owner: this.owners[o], score, sim: best[o], cover: cov, prob, overlap: ov });
      if (top.length > limit) top.pop();
    }
    return top;
  }

  /**
   * Fits the (stem, topic) weights by stochastic gradient descent on the softmax loss, each
   * phrasing an example of its topic. Deterministic: the shuffle uses a fixed seed. Each step
   * touches only the topics that share a stem with the phrasing.
   */
  private train(): void {
    const { postOwner, postStart, weights } = this;
    const nd = this.docOwner.length;
    const p = new Float64Array(this.owners.length);
    const stamp = new Int32Array(this.owners.length).fill(-1);
    const touched = new Int32Array(this.owners.length);
    const { docTermStart, docTerm, docOwner } = this;
    const order = new Int32Array(nd);
    for (let i = 0; i < nd; i++) order[i] = i;
    let seed = 12345;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let work = 0;
    for (let j = 0; j < docTerm.length; j++) work += postStart[docTerm[j] + 1] - postStart[docTerm[j]];
    const epochs = Math.max(1, Math.min(EPOCHS, Math.floor(TRAINING_BUDGET / Math.max(1, work))));
    const perEpoch = Math.min(nd, Math.ceil((nd * TRAINING_BUDGET) / Math.max(1, work)));
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = nd - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      const rate = LEARNING_RATE / (1 + epoch * 0.1);
      for (let n = 0; n < perEpoch; n++) {
        const d = order[n];
        const from = docTermStart[d];
        const to = docTermStart[d + 1];
        const scale = 1 / Math.sqrt(to - from);
        let nTouched = 0;
        step++;
        for (let j = from; j < to; j++) {
          const t = docTerm[j];
          for (let k = postStart[t], end = postStart[t + 1]; k < end; k++) {
            const o = postOwner[k];
            if (stamp[o] !== step) {
              stamp[o] = step;
              p[o] = 0;
              touched[nTouched++] = o;
            }
            p[o] += weights[k] * scale;
          }
        }
        // Softmax over all owners; an untouched owner has score 0 and adds exp(0) = 1.
        let partition = this.owners.length - nTouched;
        for (let i = 0; i < nTouched; i++) {
          const o = touched[i];
          p[o] = Math.exp(p[o]);
          partition += p[o];
        }
        // p becomes the gradient of the loss with respect to each touched owner's score.
        for (let i = 0; i < nTouched; i++) p[touched[i]] /= partition;
        p[docOwner[d]] -= 1;
        for (let j = from; j < to; j++) {
          const t = docTerm[j];
          for (let k = postStart[t], end = postStart[t + 1]; k < end; k++) {
            weights[k] -= rate * (p[postOwner[k]] * scale + L2 * weights[k]);
          }
        }
      }
    }
  }
}
