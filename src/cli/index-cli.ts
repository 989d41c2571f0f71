// `npm run index -- [DIR] [--force]`: (re)builds the index with progress bars and prints a summary.

import path from "node:path";
import { loadConfig } from "../config.js";
import { ensureIndex } from "../index/build-index.js";
import { createEmbedder } from "../index/create-embedder.js";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log("usage: npm run index -- [DIR] [--force]\n  DIR defaults to ARTICLES_DIR (data/articles)");
    return;
  }
  const force = args.includes("--force");
  const dirArg = args.find((a) => !a.startsWith("--"));
  const config = loadConfig();
  const articlesDir = dirArg ? path.resolve(dirArg) : config.articlesDir;
  const started = Date.now();
  const embedder = await createEmbedder(config);
  const r = await ensureIndex({ articlesDir, indexDir: path.join(config.dataDir, "index") }, embedder, {
    force,
    progress: true,
    log: (l) => console.error(l),
  });
  const m = r.index.manifest;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${r.built ? "built" : "up to date"}: ${m.counts.articles} articles, ${m.counts.sections} sections, ` +
      `${m.counts.chunks} chunks in ${secs} s; embedder ${m.embedder.id} (dim ${m.embedder.dimension})` +
      (r.reusedVectors ? `; ${r.reusedVectors} vectors reused` : "") +
      (r.warnings.length ? `; ${r.warnings.length} file(s) skipped` : ""),
  );
  if (dirArg && articlesDir !== config.articlesDir)
    console.log(`serve it with: ARTICLES_DIR=${dirArg} npm start`);
}

main().catch((err: unknown) => {
  console.error(`index: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
