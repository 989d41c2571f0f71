// Chunking: bounded sizes, sentence-aligned verbatim slices with offsets, one sentence of overlap, no duplicates.

import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/index/cjk-text.js";
import { chunkArticles, chunkSection } from "../../src/index/chunk.js";
import { parseArticle } from "../../src/index/parse-article.js";
import { allRealArticles } from "../helpers/corpus.js";

describe("chunking", () => {
  it("keeps every chunk within 500 characters as a verbatim slice of its section", async () => {
    const articles = await allRealArticles();
    const sections = new Map(articles.flatMap((a) => a.sections.map((s) => [s.id, s])));
    const chunks = chunkArticles(articles);
    expect(chunks.length).toBeGreaterThan(sections.size);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(500);
      expect(sections.get(c.sectionId)!.text.slice(c.start, c.end)).toBe(c.text);
      expect(c.articleTitle).toBeTruthy();
    }
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
    expect(new Set(chunks.map((c) => c.text)).size).toBe(chunks.length);
  });

  it("splits a long section at sentence ends with one sentence of overlap", () => {
    const body = Array.from({ length: 30 }, (_, i) => `这是第${i + 1}句话，用来测试分块是否在句末切分并且保持重叠。`).join("");
    const a = parseArticle("x", `# T\n\n## 长段落\n\n${body}`);
    const chunks = chunkSection(a, a.sections[0]!);
    expect(chunks.length).toBeGreaterThan(2);
    for (let i = 1; i < chunks.length; i++) {
      const prevLast = splitSentences(chunks[i - 1]!.text).at(-1)!.text;
      expect(chunks[i]!.text.startsWith(prevLast)).toBe(true);
      expect(chunks[i]!.text.length).toBeGreaterThanOrEqual(100);
    }
    for (const c of chunks) expect(c.text).toMatch(/。$/);
  });

  it("makes a short section one chunk with its speaker and paragraph index", () => {
    const a = parseArticle("x", "# T\n\n### 讲话\n\n市总工会副主席 赵六\n\n第一段。\n\n第二段。");
    const [c, ...rest] = chunkSection(a, a.sections[0]!);
    expect(rest).toHaveLength(0);
    expect(c).toMatchObject({ speaker: "市总工会副主席 赵六", paragraphIndex: 0, start: 0, text: "第一段。\n第二段。" });
  });

  it("splits sentences at Chinese marks and keeps closing quotes with their sentence", () => {
    expect(splitSentences("他说：“好。”我们走吧！真的？").map((s) => s.text)).toEqual(["他说：“好。”", "我们走吧！", "真的？"]);
  });
});
