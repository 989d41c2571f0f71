// One bench measurement in its own process (so peak RSS is its own); prints one JSON line.

import { mkdir } from "node:fs/promises";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Answerer, type AnswerMode } from "../src/answer/answerer.js";
import { loadLexicon } from "../src/retrieve/lexicon.js";
import { Document } from "@langchain/core/documents";
import { ensureIndex, indexText } from "../src/index/build-index.js";
import { BuiltinEmbedder } from "../src/index/builtin-embedder.js";
import { chunkArticles } from "../src/index/chunk.js";
import { loadIndex } from "../src/index/index-store.js";
import { parseArticle } from "../src/index/parse-article.js";
import { readCorpus } from "../src/index/read-corpus.js";

const [task, a, b] = process.argv.slice(2) as [string, string, string];
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const started = performance.now();
const secs = () => (performance.now() - started) / 1000;

async function run(): Promise<Record<string, number>> {
  switch (task) {
    case "build-ours": {
      const r = await ensureIndex({ articlesDir: a, indexDir: b }, new BuiltinEmbedder(), { log: () => {}, force: true });
      return { seconds: secs(), chunks: r.index.chunks.length };
    }
    case "build-langchain": {
      // Baseline: the stock LangChain path — same parsing, chunks and embedder, HNSWLib store with its JSON docstore.
      const { files } = await readCorpus(a);
      const chunks = chunkArticles(files.map((f) => parseArticle(f.id, f.text)));
      const texts = chunks.map(indexText);
      const embedder = new BuiltinEmbedder();
      embedder.fit(texts);
      const docs = chunks.map((c, i) => new Document({ pageContent: texts[i]!, metadata: { id: c.id } }));
      const store = await HNSWLib.fromDocuments(docs, embedder); // LangChain defaults to cosine space
      await mkdir(b, { recursive: true });
      await store.save(b);
      return { seconds: secs(), chunks: chunks.length };
    }
    case "reload-ours": {
      const idx = await loadIndex(a, new BuiltinEmbedder());
      return { seconds: secs(), chunks: idx.chunks.length };
    }
    case "reload-langchain": {
      const store = await HNSWLib.load(a, new BuiltinEmbedder());
      return { seconds: secs(), chunks: store.index.getCurrentCount() };
    }
    case "ask-latency": {
      // Every eval question, asked twice over (warm), with the product's pipeline and with BM25-only retrieval.
      const embedder = new BuiltinEmbedder();
      const index = await loadIndex(a, embedder);
      const answerer = new Answerer({ index, embedder, lexicon: await loadLexicon(path.join(path.dirname(a), "lexicon")) });
      const qs = (await readFile("eval/questions.jsonl", "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { question: string; history?: [] });
      const time = async (mode: AnswerMode) => {
        const ms: number[] = [];
        for (let round = 0; round < 3; round++)
          for (const q of qs) {
            const t = performance.now();
            await answerer.ask({ question: q.question, history: q.history }, { mode });
            if (round > 0) ms.push(performance.now() - t);
          }
        ms.sort((x, y) => x - y);
        return { p50: ms[Math.floor(ms.length * 0.5)]!, p95: ms[Math.ceil(ms.length * 0.95) - 1]! };
      };
      const ours = await time("hybrid");
      const bm25 = await time("lexical");
      return { seconds: secs(), chunks: index.chunks.length, p50: ours.p50, p95: ours.p95, bm25p50: bm25.p50, bm25p95: bm25.p95 };
    }
    default:
      throw new Error(`unknown bench task ${task}`);
  }
}

const r = await run();
console.log(JSON.stringify({ task, ...r, peakMiB: peakMiB() }));
