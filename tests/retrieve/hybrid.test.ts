// Retrieval on a real index: BM25 over words and bigrams, HNSW, and their weighted reciprocal-rank fusion.

import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../../src/answer/answerer.js";
import { realAnswerer } from "../helpers/answerer.js";

describe("hybrid retrieval", () => {
  let answerer: Answerer;
  beforeAll(async () => {
    answerer = await realAnswerer();
  });

  it("fuses both rankings by weighted reciprocal rank and keeps each chunk once", async () => {
    const r = answerer.retriever;
    const text = "东城区 职工之家 暖心驿站";
    const lex = r.lexical(text, 40);
    const den = await r.dense(text, 40);
    const fused = await r.retrieve(text, { topK: 40, weights: { lexical: 1, dense: 0.5 }, rrfK: 60 });
    expect(new Set(fused.map((f) => f.chunk.id)).size).toBe(fused.length);
    for (const f of fused.slice(0, 10)) {
      const li = lex.findIndex((h) => h.index === f.index);
      const di = den.findIndex((h) => h.index === f.index);
      const want = (li >= 0 ? 1 / (60 + li + 1) : 0) + (di >= 0 ? 0.5 / (60 + di + 1) : 0);
      expect(f.score).toBeCloseTo(want, 10);
    }
    expect(fused[0]!.chunk.text).toContain("暖心驿站1427个");
  });

  it("finds a passage through character bigrams when segmentation differs", async () => {
    // 康复临床 is cut differently in question and text; bigrams still meet.
    const hits = answerer.retriever.lexical("康复临床技能", 3);
    expect(hits.length).toBeGreaterThan(0);
  });

  it("serves lexical-only and dense-only modes for baselines", async () => {
    const lex = await answerer.retriever.retrieve("小米集团工会", { topK: 3, mode: "lexical" });
    const den = await answerer.retriever.retrieve("小米集团工会", { topK: 3, mode: "dense" });
    expect(lex[0]!.denseRank).toBeUndefined();
    expect(den[0]!.lexicalRank).toBeUndefined();
    expect(lex[0]!.chunk.heading).toContain("小米");
  });
});
