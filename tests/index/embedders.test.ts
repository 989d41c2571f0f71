// Both embedders for real: the built-in hashing embedder, and transformers.js on a tiny model the test writes.

import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureIndex } from "../../src/index/build-index.js";
import { BuiltinEmbedder } from "../../src/index/builtin-embedder.js";
import { createEmbedder } from "../../src/index/create-embedder.js";
import { TransformersEmbedder } from "../../src/index/transformers-embedder.js";
import { allRealArticles, corpusCopy, tempDir } from "../helpers/corpus.js";
import { writeTinyModel } from "../helpers/tiny-model.js";

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(cosine(a, a));

describe("built-in embedder", () => {
  it("gives unit vectors where related Chinese texts are closer than unrelated ones", async () => {
    const e = new BuiltinEmbedder();
    const texts = (await allRealArticles()).flatMap((a) => a.sections.map((s) => s.text));
    e.fit(texts);
    const [contest, contest2, tea] = await e.embedDocuments([
      "通州区康复临床技能竞赛决赛举行，评选出一等奖2名",
      "康复技能竞赛决赛的一等奖有几名",
      "女干警学习茶艺礼仪",
    ]);
    expect(norm(contest!)).toBeCloseTo(1, 5);
    expect(cosine(contest!, contest2!)).toBeGreaterThan(cosine(contest!, tea!) + 0.2);
    expect(await e.embedQuery("康复技能竞赛")).toEqual(await e.embedQuery("康复技能竞赛"));
  });

  it("restores its fitted IDF from saved state", async () => {
    const a = new BuiltinEmbedder();
    a.fit(["工会 职工 活动", "工会 劳模 疗休养", "工会 茶艺"]);
    const b = new BuiltinEmbedder();
    b.loadState(a.saveState());
    expect(await b.embedQuery("劳模疗休养")).toEqual(await a.embedQuery("劳模疗休养"));
    expect(() => b.loadState(Buffer.alloc(3))).toThrow(/expected/);
  });
});

describe("transformers.js embedder on a generated tiny model", () => {
  it("loads through createEmbedder from EMBED_MODEL_DIR and embeds to unit vectors", async () => {
    const root = await tempDir("qa-model-");
    const dir = path.join(root, "tiny-zh");
    const texts = (await allRealArticles()).flatMap((a) => a.sections.map((s) => s.text));
    const { dim } = await writeTinyModel(dir, texts, { dim: 24 });
    const e = await createEmbedder({
      embedder: "transformers", embedModel: "unused", embedModelDir: dir, embedDtype: "fp32",
      embedAllowDownload: false, dataDir: root,
    });
    expect(e).toBeInstanceOf(TransformersEmbedder);
    expect(e.dimension).toBe(dim);
    expect(e.id).toBe(`transformers:${dir}:fp32`);
    const [a, b] = await e.embedDocuments(["通州区总工会", "北京市金融工会"]);
    expect(norm(a!)).toBeCloseTo(1, 4);
    expect(a).not.toEqual(b);
    // Same characters in another order: mean pooling over a bag of characters gives the same vector.
    const [x, y] = await e.embedDocuments(["工会职工", "职工工会"]);
    expect(cosine(x!, y!)).toBeCloseTo(1, 4);
  });

  it("builds and reloads an index with the tiny model, reusing vectors of unchanged chunks", async () => {
    const root = await tempDir("qa-model-");
    const dir = path.join(root, "tiny-zh");
    const articlesDir = await corpusCopy();
    const texts = (await allRealArticles()).flatMap((a) => a.sections.map((s) => s.text));
    await writeTinyModel(dir, texts);
    const load = () =>
      TransformersEmbedder.load({ model: "unused", modelDir: dir, cacheDir: root, dtype: "fp32", allowDownload: false });
    const dirs = { articlesDir, indexDir: path.join(root, "index") };
    const first = await ensureIndex(dirs, await load(), { log: () => {} });
    expect(first.index.manifest.embedder.dimension).toBe(32);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(articlesDir, "900_new.md"), "# 新\n\n## 区工会\n\n本报讯（记者 张三）区工会举办活动。");
    const second = await ensureIndex(dirs, await load(), { log: () => {} });
    expect(second.built).toBe(true);
    expect(second.reusedVectors).toBe(first.index.chunks.length);
    expect(second.index.chunks.length).toBe(first.index.chunks.length + 1);
  });

  it("falls back to the built-in embedder in auto mode when the model cannot be loaded, in one log line", async () => {
    const root = await tempDir("qa-model-");
    const lines: string[] = [];
    const e = await createEmbedder(
      { embedder: "auto", embedModel: "Xenova/multilingual-e5-small", embedDtype: "q8", embedAllowDownload: false, dataDir: root },
      (l) => lines.push(l),
    );
    expect(e).toBeInstanceOf(BuiltinEmbedder);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^embedder: model Xenova\/multilingual-e5-small could not be loaded .*using the built-in offline embedder$/);
  });

  it("throws with the reason when transformers is required but the model is absent", async () => {
    const root = await tempDir("qa-model-");
    await expect(
      createEmbedder({ embedder: "transformers", embedModel: "x", embedModelDir: path.join(root, "nope"), embedDtype: "q8", embedAllowDownload: false, dataDir: root }),
    ).rejects.toThrow(/could not be loaded/);
  });
});

// A real multilingual model, when the team provides one in ../shared/models/<name>/ (transformers.js layout).
const sharedModels = path.resolve("../shared/models");
const realModel = existsSync(sharedModels)
  ? readdirSync(sharedModels).map((n) => path.join(sharedModels, n)).find((d) => existsSync(path.join(d, "tokenizer.json")))
  : undefined;
if (!realModel) console.log(`skipping the real-model test: no model folder in ${sharedModels}`);

describe.skipIf(!realModel)("a real multilingual model from ../shared/models", () => {
  it("ranks a Chinese passage about the question above an unrelated one", async () => {
    const e = await TransformersEmbedder.load({ model: "real", modelDir: realModel!, cacheDir: await tempDir(), dtype: "q8", allowDownload: false });
    const [rel, unrel] = await e.embedDocuments(["通州区康复临床技能竞赛决赛举行，共评选出一等奖2名。", "女干警们学习茶的冲泡工艺。"]);
    const q = await e.embedQuery("康复技能竞赛评出了几个一等奖？");
    expect(cosine(q, rel!)).toBeGreaterThan(cosine(q, unrel!));
  });
});
