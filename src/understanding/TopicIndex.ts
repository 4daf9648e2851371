/** One document of the index: a phrasing or title, owned by a topic (or an intent). */
export interface IndexEntry {
  owner: string;
  stems: string[];
}

interface Doc {
  owner: number;
  terms: string[];
  mass: number;
}

/** A ranked owner with its similarity 0..1 and the best-matching document's size. */
export interface Ranked {
  owner: string;
  score: number;
}

/**
 * Ranks topics for a query by IDF-weighted term overlap with each of their phrasings, built once
 * at start-up. A phrasing's similarity is the geometric mean of how much of the phrasing the
 * query covers and how much of the (known part of the) query the phrasing covers, both weighted
 * by IDF; a topic scores as its best phrasing, nudged by how many of its phrasings agree.
 * Terms are stems plus bigrams of adjacent stems.
 */
export class TopicIndex {
  static W_SIM = 0.5;
  static BIGRAMS = false;
  static SINGLE_TERM_FACTOR = 0.75;
  static UNKNOWN_WEIGHT = 0.5;
  private maxIdf = 1;
  private readonly owners: string[] = [];
  private readonly docs: Doc[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly ownerDocCount: number[] = [];
  private readonly ownerTerms = new Map<string, Set<number>>();

  constructor(entries: IndexEntry[]) {
    const ownerIds = new Map<string, number>();
    for (const e of entries) {
      let o = ownerIds.get(e.owner);
      if (o === undefined) {
        o = this.owners.length;
        ownerIds.set(e.owner, o);
        this.owners.push(e.owner);
        this.ownerDocCount.push(0);
      }
      const terms = termsOf(e.stems);
      if (!terms.length) continue;
      const d = this.docs.length;
      this.docs.push({ owner: o, terms, mass: 0 });
      this.ownerDocCount[o] += 1;
      for (const t of terms) {
        const list = this.postings.get(t);
        if (list) list.push(d);
        else this.postings.set(t, [d]);
      }
    }
    // Weights count topics, not phrasings: a word that many topics use ("heup", "artrose")
    // says little about which topic is meant, however often one topic repeats it.
    const n = this.owners.length;
    for (const [t, list] of this.postings) {
      const owners = new Set(list.map((d) => this.docs[d].owner));
      this.idf.set(t, Math.log(1 + (n - owners.size + 0.5) / (owners.size + 0.5)));
      this.ownerTerms.set(t, owners);
    }
    this.maxIdf = Math.log(1 + (n - 1 + 0.5) / 1.5);
    for (const doc of this.docs) doc.mass = doc.terms.reduce((s, t) => s + this.idf.get(t)!, 0);
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.docs.length;
  }

  /** True when the stem occurs anywhere in the index. */
  knows(stem: string): boolean {
    return this.postings.has(stem);
  }

  /** Owners ranked by similarity, best first, at most `limit`. */
  rank(stems: string[], limit = 5, boost?: (owner: string) => number): Ranked[] {
    const all = termsOf(stems);
    const terms = all.filter((t) => this.postings.has(t));
    if (!terms.length) return [];
    // Words the knowledge base has never seen still count against a match, at a fraction of a
    // rare word's weight: "wat voor weer wordt het morgen" must not borrow confidence from one
    // known word, while a long story around a clear question still finds it.
    const unknown = all.length - terms.length;
    const queryMass = terms.reduce((s, t) => s + this.idf.get(t)!, 0) + unknown * this.maxIdf * TopicIndex.UNKNOWN_WEIGHT;
    const overlap = new Map<number, number>();
    for (const t of terms) {
      const w = this.idf.get(t)!;
      for (const d of this.postings.get(t)!) overlap.set(d, (overlap.get(d) ?? 0) + w);
    }
    const best = new Map<number, number>();
    const agree = new Map<number, number>();
    const matchedTerms = new Map<number, number>();
    for (const t of terms) {
      if (this.idf.get(t)! < 0.25 * this.maxIdf) continue;
      for (const d of this.postings.get(t)!) matchedTerms.set(d, (matchedTerms.get(d) ?? 0) + 1);
    }
    for (const [d, o] of overlap) {
      const doc = this.docs[d];
      // One shared word is weak evidence ("belastingen" is not "belasting" of a joint): such a
      // match may be offered as a choice, never answered outright.
      const single = (matchedTerms.get(d) ?? 0) < 2 ? TopicIndex.SINGLE_TERM_FACTOR : 1;
      const sim = single * Math.sqrt((o / doc.mass) * (o / queryMass));
      if (sim > (best.get(doc.owner) ?? 0)) best.set(doc.owner, sim);
      if (sim >= 0.35) agree.set(doc.owner, (agree.get(doc.owner) ?? 0) + 1);
    }
    // How much of the query's known words the topic's vocabulary as a whole covers.
    const coverage = new Map<number, number>();
    for (const t of terms) {
      const w = this.idf.get(t)!;
      for (const o of this.ownerTerms.get(t)!) coverage.set(o, (coverage.get(o) ?? 0) + w);
    }
    const ranked: Ranked[] = [];
    for (const [o, sim] of best) {
      const support = (agree.get(o) ?? 0) / Math.max(4, this.ownerDocCount[o]);
      const cover = (coverage.get(o) ?? 0) / queryMass;
      let score = Math.min(1, (TopicIndex.W_SIM * sim + (1 - TopicIndex.W_SIM) * cover) * (0.9 + 0.1 * Math.min(1, support * 2)));
      if (boost) score = Math.min(1, score * boost(this.owners[o]));
      ranked.push({ owner: this.owners[o], score });
    }
    ranked.sort((a, b) => b.score - a.score);
    return ranked.slice(0, limit);
  }
}

/** Unique stems plus bigrams of adjacent stems. */
function termsOf(stems: string[]): string[] {
  const set = new Set<string>(stems);
  if (TopicIndex.BIGRAMS) for (let i = 0; i + 1 < stems.length; i++) set.add(`${stems[i]}_${stems[i + 1]}`);
  return [...set];
}
