// A real Answerer over the default corpus: built-in embedder, real jieba/hnswlib index, CC-CEDICT lexicon.

import path from "node:path";
import { Answerer, type AnswererDeps } from "../../src/answer/answerer.js";
import { ensureIndex } from "../../src/index/build-index.js";
import { BuiltinEmbedder } from "../../src/index/builtin-embedder.js";
import { loadLexicon } from "../../src/retrieve/lexicon.js";
import { CORPUS_DIR, tempDir } from "./corpus.js";

export async function realAnswerer(extra: Partial<AnswererDeps> = {}): Promise<Answerer> {
  const embedder = new BuiltinEmbedder();
  const dir = await tempDir("qa-answer-");
  const { index } = await ensureIndex({ articlesDir: CORPUS_DIR, indexDir: path.join(dir, "index") }, embedder, { log: () => {} });
  return new Answerer({ index, embedder, lexicon: await loadLexicon(path.join(dir, "lexicon")), ...extra });
}
