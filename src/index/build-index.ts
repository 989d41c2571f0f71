// Builds the hybrid index from a corpus folder (parse → repair → chunk → embed → HNSW + BM25), reusing what it can.

import { Bm25Index } from "./bm25.js";
import { chunkArticles } from "./chunk.js";
import { DenseIndex } from "./dense-index.js";
import type { TextEmbedder } from "./embedder.js";
import { FORMAT_VERSION, IndexUnusableError, loadIndex, saveIndex, type BuiltIndex, type Manifest } from "./index-store.js";
import { parseArticle } from "./parse-article.js";
import { ProgressBar } from "./progress.js";
import { readCorpus, sha256, type CorpusWarning, type SourceFile } from "./read-corpus.js";
import type { Article, Chunk } from "./types.js";

/** Bumped when parsing or chunking changes, so existing indexes are rebuilt. */
export const PIPELINE_VERSION = 2;

/** The text that is embedded and BM25-indexed for a chunk: its heading path and speaker give it context. */
export function indexText(c: Chunk): string {
  return [...c.headingPath, c.speaker ?? "", c.text].filter(Boolean).join("\n");
}

export function corpusHash(files: SourceFile[]): string {
  return sha256(`pipeline ${PIPELINE_VERSION}\n` + files.map((f) => `${f.file}\t${f.sha256}`).join("\n"));
}

export interface BuildOptions {
  previous?: BuiltIndex;
  /** Show progress bars on stderr. */
  progress?: boolean;
}

const EMBED_BATCH = 64;

/** Parses every file (reusing parsed articles of unchanged files) and drops articles with no body. */
function parseAll(files: SourceFile[], previous: BuiltIndex | undefined, warn: (w: CorpusWarning) => void): Article[] {
  const known = new Map<string, Article>();
  if (previous) {
    const byId = new Map(previous.articles.map((a) => [a.id, a]));
    for (const f of previous.manifest.corpus.files) {
      const a = byId.get(f.id);
      if (a) known.set(f.sha256, a);
    }
  }
  const articles: Article[] = [];
  for (const f of files) {
    const a = known.get(f.sha256) ?? parseArticle(f.id, f.text);
    if (a.id !== f.id) continue;
    if (!a.sections.length) warn({ file: f.file, reason: "no body text found; skipped" });
    else articles.push(a);
  }
  return articles;
}

/**
 * Builds the index in memory. With a pretrained embedder, vectors of chunks whose indexed text
 * is unchanged are reused from `previous`; the built-in embedder refits IDF and re-embeds (fast).
 */
export async function buildIndex(
  files: SourceFile[],
  embedder: TextEmbedder,
  opts: BuildOptions = {},
): Promise<{ index: BuiltIndex; warnings: CorpusWarning[]; reusedVectors: number }> {
  const started = Date.now();
  const warnings: CorpusWarning[] = [];
  const articles = parseAll(files, opts.previous, (w) => warnings.push(w));
  const chunks = chunkArticles(articles);
  const texts = chunks.map(indexText);

  embedder.fit?.(texts);
  const dim = embedder.dimension;
  const vectors = new Float32Array(chunks.length * dim);
  const reuse = new Map<string, number>();
  const prev = opts.previous;
  if (!embedder.fit && prev?.vectors && prev.manifest.embedder.id === embedder.id)
    prev.chunks.forEach((c, i) => reuse.set(sha256(indexText(c)), i));
  let reusedVectors = 0;
  const todo: number[] = [];
  texts.forEach((t, i) => {
    const j = reuse.get(sha256(t));
    if (j === undefined) return void todo.push(i);
    vectors.set(prev!.vectors!.subarray(j * dim, (j + 1) * dim), i * dim);
    reusedVectors++;
  });
  const bar = opts.progress && todo.length ? new ProgressBar("embedding", todo.length, "chunks") : undefined;
  for (let b = 0; b < todo.length; b += EMBED_BATCH) {
    const batch = todo.slice(b, b + EMBED_BATCH);
    const out = await embedder.embedDocuments(batch.map((i) => texts[i]!));
    out.forEach((v, k) => vectors.set(v, batch[k]! * dim));
    bar?.update(b + batch.length);
  }
  bar?.done();

  const dense = DenseIndex.create(dim, chunks.length);
  const hnswBar = opts.progress && chunks.length ? new ProgressBar("hnsw", chunks.length, "vectors") : undefined;
  for (let i = 0; i < chunks.length; i++) {
    dense.add(vectors.subarray(i * dim, (i + 1) * dim), i);
    if (i % 256 === 0) hnswBar?.update(i);
  }
  hnswBar?.done();
  const bm25 = Bm25Index.fromTexts(texts);

  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    buildSeconds: (Date.now() - started) / 1000,
    embedder: { id: embedder.id, dimension: dim },
    corpus: { hash: corpusHash(files), files: files.map(({ file, id, sha256 }) => ({ file, id, sha256 })) },
    counts: {
      articles: articles.length,
      sections: articles.reduce((n, a) => n + a.sections.length, 0),
      chunks: chunks.length,
    },
    files: {},
  };
  const index: BuiltIndex = { manifest, articles, chunks, dense, bm25 };
  // Pretrained vectors are costly to recompute: keep them for the next incremental build.
  if (!embedder.fit) index.vectors = vectors;
  return { index, warnings, reusedVectors };
}

export interface EnsureResult {
  index: BuiltIndex;
  built: boolean;
  warnings: CorpusWarning[];
  reusedVectors: number;
}

/**
 * Loads the index under `indexDir` when it matches the corpus in `articlesDir` and the
 * embedder; otherwise says why in one line and (re)builds it. Skipped files are logged, one
 * warning per file.
 */
export async function ensureIndex(
  dirs: { articlesDir: string; indexDir: string },
  embedder: TextEmbedder,
  opts: { force?: boolean; progress?: boolean; log?: (line: string) => void } = {},
): Promise<EnsureResult> {
  const log = opts.log ?? ((l: string) => console.warn(l));
  const { files, warnings } = await readCorpus(dirs.articlesDir).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`cannot read articles folder ${dirs.articlesDir}: ${err.code ?? err.message}`, { cause: err });
  });
  if (!files.length) log(`warning: no readable .txt/.md articles in ${dirs.articlesDir}`);
  let previous: BuiltIndex | undefined;
  try {
    previous = await loadIndex(dirs.indexDir, embedder);
    if (!opts.force && previous.manifest.corpus.hash === corpusHash(files)) {
      for (const w of warnings) log(`warning: skipped ${w.file}: ${w.reason}`);
      return { index: previous, built: false, warnings, reusedVectors: 0 };
    }
    log(opts.force ? "index: rebuilding as asked" : "index: the articles changed since the last build; rebuilding");
  } catch (err) {
    if (!(err instanceof IndexUnusableError)) throw err;
    log(err.kind === "missing" ? `index: none yet in ${dirs.indexDir}; building` : `index: ${err.message}; rebuilding`);
  }
  const built = await buildIndex(files, embedder, { previous, progress: opts.progress });
  const all = [...warnings, ...built.warnings];
  for (const w of all) log(`warning: skipped ${w.file}: ${w.reason}`);
  built.index.manifest = await saveIndex(dirs.indexDir, built.index, embedder);
  return { index: built.index, built: true, warnings: all, reusedVectors: built.reusedVectors };
}
