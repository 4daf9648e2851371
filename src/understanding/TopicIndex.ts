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
  private readonly owners: string[] = [];
  private readonly docs: Doc[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly ownerDocCount: number[] = [];

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
    const n = this.docs.length;
    for (const [t, list] of this.postings) this.idf.set(t, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
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
    const terms = termsOf(stems).filter((t) => this.postings.has(t));
    if (!terms.length) return [];
    const queryMass = terms.reduce((s, t) => s + this.idf.get(t)!, 0);
    const overlap = new Map<number, number>();
    for (const t of terms) {
      const w = this.idf.get(t)!;
      for (const d of this.postings.get(t)!) overlap.set(d, (overlap.get(d) ?? 0) + w);
    }
    const best = new Map<number, number>();
    const agree = new Map<number, number>();
    for (const [d, o] of overlap) {
      const doc = this.docs[d];
      const sim = Math.sqrt((o / doc.mass) * (o / queryMass));
      if (sim > (best.get(doc.owner) ?? 0)) best.set(doc.owner, sim);
      if (sim >= 0.35) agree.set(doc.owner, (agree.get(doc.owner) ?? 0) + 1);
    }
    const ranked: Ranked[] = [];
    for (const [o, sim] of best) {
      const support = (agree.get(o) ?? 0) / Math.max(4, this.ownerDocCount[o]);
      let score = Math.min(1, sim * (0.9 + 0.1 * Math.min(1, support * 2)));
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
  for (let i = 0; i + 1 < stems.length; i++) set.add(`${stems[i]}_${stems[i + 1]}`);
  return [...set];
}
