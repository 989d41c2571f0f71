// Download-free embedder: jieba words, Han bigrams and Latin words hashed into a fixed-size, IDF-weighted vector.

import { normalize, type TextEmbedder } from "./embedder.js";
import { hanBigrams, words } from "./tokenize.js";

/** 32-bit FNV-1a; stable across runs and platforms, so saved vectors stay valid. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Feature weights by kind: whole words carry more meaning than glosses or bigrams that bridge them. */
const KIND_WEIGHT: Record<string, number> = { w: 1, g: 0.5, b: 0.5 };
/** IDF is kept per hash bucket (2^18 buckets, 1 MiB) rather than per string, to stay small at scale. */
const IDF_BITS = 18;

export interface BuiltinEmbedderOptions {
  dimension?: number;
  /** Extra features for a word, e.g. its English glosses; lets synonyms and English meet Chinese. */
  expand?: (word: string) => string[];
  /** A name for `expand`, part of the embedder id. */
  expandId?: string;
}

/**
 * Hashing-trick embedder. Sign hashing keeps collisions from adding up; sublinear TF and
 * corpus IDF make rare content words dominate, and L2 normalisation makes cosine = dot.
 */
export class BuiltinEmbedder implements TextEmbedder {
  readonly dimension: number;
  readonly id: string;
  private idf = new Float32Array(1 << IDF_BITS);
  private docCount = 0;

  constructor(private readonly opts: BuiltinEmbedderOptions = {}) {
    this.dimension = opts.dimension ?? 512;
    this.id = `builtin-hash-v1-d${this.dimension}${opts.expandId ? "+" + opts.expandId : ""}`;
  }

  /** Feature counts of a text, before hashing; the key's prefix names its kind (w, g, b). */
  features(text: string): Map<string, number> {
    const f = new Map<string, number>();
    const add = (k: string) => f.set(k, (f.get(k) ?? 0) + 1);
    for (const w of words(text)) {
      add("w:" + w);
      for (const g of this.opts.expand?.(w) ?? []) add("g:" + g);
    }
    for (const b of hanBigrams(text)) add("b:" + b);
    return f;
  }

  fit(texts: string[]): void {
    const df = new Uint32Array(1 << IDF_BITS);
    for (const t of texts) {
      const seen = new Set<number>();
      for (const k of this.features(t).keys()) seen.add(fnv1a(k) >>> (32 - IDF_BITS));
      for (const b of seen) df[b]!++;
    }
    this.docCount = texts.length;
    for (let i = 0; i < df.length; i++) this.idf[i] = Math.log((this.docCount + 1) / (df[i]! + 1)) + 1;
  }

  saveState(): Buffer {
    const buf = Buffer.alloc(4 + this.idf.byteLength);
    buf.writeUInt32LE(this.docCount, 0);
    Buffer.from(this.idf.buffer, this.idf.byteOffset, this.idf.byteLength).copy(buf, 4);
    return buf;
  }

  loadState(state: Buffer): void {
    if (state.length !== 4 + this.idf.byteLength)
      throw new Error(`embedder state has ${state.length} bytes, expected ${4 + this.idf.byteLength}`);
    this.docCount = state.readUInt32LE(0);
    this.idf = new Float32Array(new Uint8Array(state.subarray(4)).buffer);
  }

  embed(text: string): Float32Array {
    const v = new Float32Array(this.dimension);
    const unfitted = this.docCount === 0;
    for (const [k, tf] of this.features(text)) {
      const h = fnv1a(k);
      const idf = unfitted ? 1 : this.idf[h >>> (32 - IDF_BITS)]!;
      const sign = h & 1 ? 1 : -1;
      const weight = KIND_WEIGHT[k[0]!] ?? 1;
      v[(h >>> 1) % this.dimension]! += sign * weight * (1 + Math.log(tf)) * idf;
    }
    normalize(v);
    return v;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => Array.from(this.embed(t)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embed(text));
  }
}
