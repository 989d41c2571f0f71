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

function grow<T extends Uint32Array | Uint16Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
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

  /**
   * Builds the index from tokenised documents (one term list per chunk, or a function giving
   * it, so terms need not all be held at once). Postings are gathered in growing typed arrays:
   * at 50k chunks a Map of JS number arrays would take several times the memory.
   */
  static fromTerms(docTerms: string[][] | { count: number; get: (d: number) => string[] }, params?: Bm25Params): Bm25Index {
    const count = Array.isArray(docTerms) ? docTerms.length : docTerms.count;
    const get = Array.isArray(docTerms) ? (d: number) => docTerms[d]! : docTerms.get;
    const termIds = new Map<string, number>();
    const vocab: string[] = [];
    let df = new Uint32Array(1024);
    let pTerm = new Uint32Array(1 << 16);
    let pTf = new Uint16Array(1 << 16);
    let n = 0;
    const docStart = new Uint32Array(count + 1);
    const docLens = new Uint32Array(count);
    for (let d = 0; d < count; d++) {
      const terms = get(d);
      docLens[d] = terms.length;
      docStart[d] = n;
      const tf = new Map<number, number>();
      for (const t of terms) {
        let id = termIds.get(t);
        if (id === undefined) {
          id = vocab.push(t) - 1;
          termIds.set(t, id);
          if (id >= df.length) df = grow(df, df.length * 2);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      if (n + tf.size > pTerm.length) {
        const size = Math.max(pTerm.length * 2, n + tf.size);
        pTerm = grow(pTerm, size);
        pTf = grow(pTf, size);
      }
      for (const [id, c] of tf) {
        pTerm[n] = id;
        pTf[n++] = Math.min(c, 65535);
        df[id]!++;
      }
    }
    docStart[count] = n;
    const offsets = new Uint32Array(vocab.length + 1);
    for (let t = 0; t < vocab.length; t++) offsets[t + 1] = offsets[t]! + df[t]!;
    const fill = offsets.slice(0, vocab.length);
    const docs = new Uint32Array(n);
    const tfs = new Uint16Array(n);
    // Documents are visited in order, so each posting list comes out sorted by doc id.
    for (let d = 0; d < count; d++) {
      for (let p = docStart[d]!; p < docStart[d + 1]!; p++) {
        const o = fill[pTerm[p]!]!++;
        docs[o] = d;
        tfs[o] = pTf[p]!;
      }
    }
    return new Bm25Index({ vocab, offsets, docs, tfs, docLens }, params);
  }

  static fromTexts(texts: string[], params?: Bm25Params): Bm25Index {
    return Bm25Index.fromTerms({ count: texts.length, get: (d) => searchTerms(texts[d]!) }, params);
  }

  get size(): number {
    return this.data.docLens.length;
  }

  /** Inverse document frequency of a term; a term no chunk contains gets the formula's value for df = 0, the highest. */
  idf(term: string): number {
    const df = this.docFreq(term);
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
