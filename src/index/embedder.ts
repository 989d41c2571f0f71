// The embedder interface every index and retriever depends on (LangChain's EmbeddingsInterface plus identity).

import type { EmbeddingsInterface } from "@langchain/core/embeddings";

/**
 * Turns text into unit vectors. `id` names the model and settings exactly, so an index built
 * by one embedder is never queried with another.
 */
export interface TextEmbedder extends EmbeddingsInterface {
  readonly id: string;
  readonly dimension: number;
  /** Fits corpus statistics (IDF) before documents are embedded; absent for pretrained models. */
  fit?(texts: string[]): void;
  /** Corpus statistics to persist beside the index, and their restore. */
  saveState?(): Buffer;
  loadState?(state: Buffer): void;
}

/** L2-normalises in place; a zero vector stays zero. */
export function normalize(v: Float32Array | number[]): void {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i]! /= n;
}
