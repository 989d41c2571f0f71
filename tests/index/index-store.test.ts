// The persisted index: save/load round trip, corruption and mismatch detected and rebuilt, rebuild only on change.

import { appendFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureIndex } from "../../src/index/build-index.js";
import { BuiltinEmbedder } from "../../src/index/builtin-embedder.js";
import { searchTerms } from "../../src/index/tokenize.js";
import { corpusCopy, tempDir } from "../helpers/corpus.js";

async function setup() {
  const articlesDir = await corpusCopy();
  const indexDir = path.join(await tempDir("qa-index-"), "index");
  const lines: string[] = [];
  const run = (embedder = new BuiltinEmbedder(), force = false) =>
    ensureIndex({ articlesDir, indexDir }, embedder, { log: (l) => lines.push(l), force });
  return { articlesDir, indexDir, lines, run };
}

describe("index persistence", () => {
  it("builds, saves and reloads an index that answers the same searches", async () => {
    const { run, lines } = await setup();
    const first = await run();
    expect(first.built).toBe(true);
    expect(first.index.manifest.counts).toEqual({ articles: 5, sections: 49, chunks: first.index.chunks.length });
    expect(lines[0]).toMatch(/none yet/);
    const embedder = new BuiltinEmbedder();
    const second = await run(embedder);
    expect(second.built).toBe(false);
    const q = await embedder.embedQuery("通州区康复临床技能竞赛");
    expect(second.index.dense.search(q, 3)).toEqual(first.index.dense.search(q, 3));
    const terms = searchTerms("累计建成暖心驿站");
    expect(second.index.bm25.search(terms, 3)).toEqual(first.index.bm25.search(terms, 3));
    const top = second.index.chunks[second.index.bm25.search(terms, 1)[0]!.index]!;
    expect(top.text).toContain("暖心驿站1427个");
  });

  it("records embedder, dimension, corpus hash, counts and file checksums in the manifest", async () => {
    const { run, indexDir } = await setup();
    await run();
    const m = JSON.parse(await readFile(path.join(indexDir, "manifest.json"), "utf8"));
    expect(m).toMatchObject({ formatVersion: 2, embedder: { id: "builtin-hash-v1-d512", dimension: 512 } });
    expect(m.corpus.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.corpus.files).toHaveLength(5);
    expect(Object.keys(m.files).sort()).toEqual([
      "articles.json", "bm25-postings.bin", "bm25-vocab.json", "chunks.json", "dense.hnsw", "embedder-state.bin",
    ]);
  });

  it("detects a corrupted index file, says which in one line, and rebuilds", async () => {
    const { run, indexDir, lines } = await setup();
    await run();
    await appendFile(path.join(indexDir, "dense.hnsw"), "garbage");
    const r = await run();
    expect(r.built).toBe(true);
    expect(lines.at(-1)).toMatch(/index file dense\.hnsw is corrupt \(checksum mismatch.*rebuilding/);
    expect((await run()).built).toBe(false);
  });

  it("rebuilds when the manifest is unreadable or a file is missing", async () => {
    const { run, indexDir, lines } = await setup();
    await run();
    await rm(path.join(indexDir, "chunks.json"));
    expect((await run()).built).toBe(true);
    expect(lines.at(-1)).toMatch(/chunks\.json is missing/);
    await writeFile(path.join(indexDir, "manifest.json"), "{ not json");
    expect((await run()).built).toBe(true);
    expect(lines.at(-1)).toMatch(/not valid JSON/);
  });

  it("refuses an index built by another embedder, naming both dimensions, and rebuilds", async () => {
    const { run, lines } = await setup();
    await run(new BuiltinEmbedder({ dimension: 256 }));
    const r = await run(new BuiltinEmbedder());
    expect(r.built).toBe(true);
    expect(lines.at(-1)).toMatch(/built by builtin-hash-v1-d256 \(dim 256\), the embedder now is builtin-hash-v1-d512 \(dim 512\)/);
    expect(r.index.manifest.embedder.dimension).toBe(512);
  });

  it("rebuilds only when the corpus changed", async () => {
    const { run, articlesDir, lines } = await setup();
    await run();
    expect((await run()).built).toBe(false);
    await writeFile(path.join(articlesDir, "900_new.md"), "# 新文章\n\n## 某区工会\n\n本报讯（记者 张三）某区工会举办了羽毛球比赛。");
    const r = await run();
    expect(r.built).toBe(true);
    expect(lines.at(-1)).toMatch(/articles changed/);
    expect(r.index.manifest.counts.articles).toBe(6);
    await writeFile(path.join(articlesDir, "bad.txt"), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    const withBad = await run();
    expect(withBad.index.manifest.counts.articles).toBe(6);
    expect(withBad.warnings.map((w) => w.file)).toEqual(["bad.txt"]);
    expect(lines).toContain("warning: skipped bad.txt: binary file (contains NUL bytes)");
  });

  it("leaves no temporary folders behind after saving", async () => {
    const { run, indexDir } = await setup();
    await run();
    await run(undefined, true);
    const { readdir } = await import("node:fs/promises");
    expect(await readdir(path.dirname(indexDir))).toEqual(["index"]);
  });
});
