// BM25 lexical index over chunk terms, stored as flat typed arrays for fast save/load at scale.

import { searchTerms } from "./tokenize.js";

export interface Bm25Params {
  k1: number;
  b: number;
}

export interface ScoredIndex {
  index: number;
  score: number;
}

/** Serialised form: vocabulary plus CSR postings (doc ids and term frequencies). */
export interface Bm25Data {
  vocab: string[];
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  docLens: Uint32Array;
}

export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly avgLen: number;

  constructor(
    readonly data: Bm25Data,
    private readonly params: Bm25Params = { k1: 1.2, b: 0.75 },
  ) {
    data.vocab.forEach((t, i) => this.termIds.set(t, i));
    let total = 0;
    for (const l of data.docLens) total += l;
    this.avgLen = data.docLens.length ? total / data.docLens.length : 0;
  }

  /** Builds the index from already tokenised documents (one term list per chunk). */
  static fromTerms(docTerms: string[][], params?: Bm25Params): Bm25Index {
    const postings = new Map<string, number[]>(); // term -> [doc, tf, doc, tf, ...]
    const docLens = new Uint32Array(docTerms.length);
    docTerms.forEach((terms, d) => {
      docLens[d] = terms.length;
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        let p = postings.get(t);
        if (!p) postings.set(t, (p = []));
        p.push(d, Math.min(n, 65535));
      }
    });
    const vocab = [...postings.keys()].sort();
    const offsets = new Uint32Array(vocab.length + 1);
    let total = 0;
    vocab.forEach((t, i) => {
      offsets[i] = total;
      total += postings.get(t)!.length / 2;
    });
    offsets[vocab.length] = total;
    const docs = new Uint32Array(total);
    const tfs = new Uint16Array(total);
    vocab.forEach((t, i) => {
      const p = postings.get(t)!;
      for (let j = 0, o = offsets[i]!; j < p.length; j += 2, o++) {
        docs[o] = p[j]!;
        tfs[o] = p[j + 1]!;
      }
    });
    return new Bm25Index({ vocab, offsets, docs, tfs, docLens }, params);
  }

  static fromTexts(texts: string[], params?: Bm25Params): Bm25Index {
    return Bm25Index.fromTerms(texts.map(searchTerms), params);
  }

  get size(): number {
    return this.data.docLens.length;
  }

  /** Inverse document frequency of a term (0 when unknown). */
  idf(term: string): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    const df = this.data.offsets[id + 1]! - this.data.offsets[id]!;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Number of chunks that contain the term. */
  docFreq(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.data.offsets[id + 1]! - this.data.offsets[id]!;
  }

  /**
   * Scores documents for query terms (repeated terms count once; an optional weight per term
   * lets callers down-weight bigrams or translated words). Returns the top `k`, best first.
   */
  search(terms: string[], k: number, weights?: Map<string, number>, filter?: (doc: number) => boolean): ScoredIndex[] {
    const { offsets, docs, tfs, docLens } = this.data;
    const { k1, b } = this.params;
    const scores = new Float32Array(this.size);
    const touched: number[] = [];
    for (const term of new Set(terms)) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const idf = this.idf(term) * (weights?.get(term) ?? 1);
      for (let o = offsets[id]!; o < offsets[id + 1]!; o++) {
        const d = docs[o]!;
        const tf = tfs[o]!;
        const norm = tf + k1 * (1 - b + (b * docLens[d]!) / (this.avgLen || 1));
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (idf * tf * (k1 + 1)) / norm;
      }
    }
    const hits: ScoredIndex[] = [];
    for (const d of touched) if (scores[d]! > 0 && (!filter || filter(d))) hits.push({ index: d, score: scores[d]! });
    hits.sort((x, y) => y.score - x.score || x.index - y.index);
    return hits.slice(0, k);
  }
}
