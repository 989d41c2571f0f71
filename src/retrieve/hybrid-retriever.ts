// Dense (HNSW), lexical (BM25) and hybrid retrieval fused by weighted reciprocal rank, deduplicated by chunk id.

import type { ScoredIndex } from "../index/bm25.js";
import type { TextEmbedder } from "../index/embedder.js";
import type { BuiltIndex } from "../index/index-store.js";
import { hanBigrams, words } from "../index/tokenize.js";
import type { Chunk } from "../index/types.js";

export type RetrievalMode = "hybrid" | "lexical" | "dense";

export interface RetrievedChunk {
  chunk: Chunk;
  /** Position of the chunk in the index. */
  index: number;
  /** Fused score (RRF) for hybrid, else the retriever's own score. */
  score: number;
  lexicalRank?: number;
  denseRank?: number;
}

export interface RetrieveOptions {
  topK: number;
  mode?: RetrievalMode;
  /** Weights of the two rankings in the fusion. */
  weights?: { lexical: number; dense: number };
  /** RRF constant: larger flattens the advantage of the very top ranks. */
  rrfK?: number;
  /** Extra search words with their weights (e.g. translations of an English question). */
  extraTerms?: Map<string, number>;
}

/** BM25 weight of a character bigram relative to a whole word: bigrams rescue recall, words carry precision. */
const BIGRAM_WEIGHT = 0.5;
/** How many candidates each ranking contributes to the fusion. */
const CANDIDATES = 40;

export class HybridRetriever {
  constructor(
    private readonly index: BuiltIndex,
    private readonly embedder: TextEmbedder,
  ) {}

  lexical(text: string, k: number, extra?: Map<string, number>): ScoredIndex[] {
    const weights = new Map<string, number>();
    for (const w of words(text)) weights.set(w, 1);
    for (const b of hanBigrams(text)) if (!weights.has("\u0002" + b)) weights.set("\u0002" + b, BIGRAM_WEIGHT);
    for (const [t, w] of extra ?? []) {
      weights.set(t, Math.max(weights.get(t) ?? 0, w));
      for (const b of hanBigrams(t)) if (!weights.has("\u0002" + b)) weights.set("\u0002" + b, BIGRAM_WEIGHT * w);
    }
    return this.index.bm25.search([...weights.keys()], k, weights);
  }

  async dense(text: string, k: number): Promise<ScoredIndex[]> {
    return this.index.dense.search(await this.embedder.embedQuery(text), k);
  }

  /**
   * Retrieves the `topK` best chunks for `text`. Hybrid fuses both rankings by weighted
   * reciprocal rank, score = Σ wᵢ / (k + rankᵢ), so neither retriever's raw scale matters.
   */
  async retrieve(text: string, opts: RetrieveOptions): Promise<RetrievedChunk[]> {
    const mode = opts.mode ?? "hybrid";
    const { lexical: wl, dense: wd } = opts.weights ?? { lexical: 1, dense: 1 };
    const k = opts.rrfK ?? 60;
    const denseText = opts.extraTerms?.size ? `${text} ${[...opts.extraTerms.keys()].join(" ")}` : text;
    const lex = mode === "dense" ? [] : this.lexical(text, mode === "lexical" ? opts.topK : CANDIDATES, opts.extraTerms);
    const den = mode === "lexical" ? [] : await this.dense(denseText, mode === "dense" ? opts.topK : CANDIDATES);
    const byIndex = new Map<number, RetrievedChunk>();
    const entry = (i: number) => {
      let e = byIndex.get(i);
      if (!e) byIndex.set(i, (e = { chunk: this.index.chunks[i]!, index: i, score: 0 }));
      return e;
    };
    lex.forEach((h, r) => {
      const e = entry(h.index);
      e.lexicalRank = r + 1;
      e.score += mode === "hybrid" ? wl / (k + r + 1) : h.score;
    });
    den.forEach((h, r) => {
      const e = entry(h.index);
      e.denseRank = r + 1;
      e.score += mode === "hybrid" ? wd / (k + r + 1) : h.score;
    });
    // Deduplicate by chunk id (the map key is the chunk's position, unique per id), then rank.
    return [...byIndex.values()].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, opts.topK);
  }
}
