// Dense vector index: HNSW (hnswlib-node) in cosine space, labels = chunk positions.

import hnswlib from "hnswlib-node";
import type { ScoredIndex } from "./bm25.js";

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100, efSearch: 96 };

export class DenseIndex {
  private constructor(
    private readonly hnsw: Hnsw,
    readonly dimension: number,
    private readonly params: HnswParams,
  ) {
    hnsw.setEf(params.efSearch);
  }

  static create(dimension: number, capacity: number, params = DEFAULT_HNSW): DenseIndex {
    const h = new HierarchicalNSW("cosine", dimension);
    h.initIndex(Math.max(1, capacity), params.m, params.efConstruction, 42);
    return new DenseIndex(h, dimension, params);
  }

  static load(file: string, dimension: number, params = DEFAULT_HNSW): DenseIndex {
    const h = new HierarchicalNSW("cosine", dimension);
    h.readIndexSync(file);
    return new DenseIndex(h, dimension, params);
  }

  add(vector: ArrayLike<number>, label: number): void {
    if (vector.length !== this.dimension)
      throw new Error(`vector has dim ${vector.length}, index has dim ${this.dimension}`);
    this.hnsw.addPoint(Array.from(vector), label);
  }

  get size(): number {
    return this.hnsw.getCurrentCount();
  }

  /** Nearest chunks by cosine similarity (score = 1 − cosine distance), best first. */
  search(vector: ArrayLike<number>, k: number): ScoredIndex[] {
    if (vector.length !== this.dimension)
      throw new Error(`query vector has dim ${vector.length}, index has dim ${this.dimension}`);
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    this.hnsw.setEf(Math.max(this.params.efSearch, n));
    const r = this.hnsw.searchKnn(Array.from(vector), n);
    return r.neighbors.map((index, i) => ({ index, score: 1 - r.distances[i]! }));
  }

  save(file: string): void {
    this.hnsw.writeIndexSync(file);
  }
}
