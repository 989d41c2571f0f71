// A ServiceState that is ready with a real index built from the default corpus (built-in embedder).

import path from "node:path";
import { ensureIndex } from "../../src/index/build-index.js";
import { BuiltinEmbedder } from "../../src/index/builtin-embedder.js";
import { ServiceState } from "../../src/http/state.js";
import { Answerer } from "../../src/answer/answerer.js";
import { loadLexicon } from "../../src/retrieve/lexicon.js";
import { CORPUS_DIR, tempDir } from "./corpus.js";

export async function readyState(): Promise<ServiceState> {
  const embedder = new BuiltinEmbedder();
  const indexDir = path.join(await tempDir("qa-http-"), "index");
  const { index } = await ensureIndex({ articlesDir: CORPUS_DIR, indexDir }, embedder, { log: () => {} });
  const state = new ServiceState();
  state.setReady(index, embedder, new Answerer({ index, embedder, lexicon: await loadLexicon(path.join(path.dirname(indexDir), "lexicon")) }));
  return state;
}
