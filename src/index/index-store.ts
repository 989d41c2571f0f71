// Persists a built index under DATA_DIR/index: named files, a manifest with checksums, atomic swap on save.

import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Bm25Index } from "./bm25.js";
import { DenseIndex } from "./dense-index.js";
import type { TextEmbedder } from "./embedder.js";
import { sha256 } from "./read-corpus.js";
import type { Article, Chunk } from "./types.js";

/** Bumped whenever the files' layout or meaning changes; older indexes are rebuilt. */
export const FORMAT_VERSION = 1;

export interface Manifest {
  formatVersion: number;
  builtAt: string;
  buildSeconds: number;
  embedder: { id: string; dimension: number };
  corpus: { hash: string; files: { file: string; id: string; sha256: string }[] };
  counts: { articles: number; sections: number; chunks: number };
  files: Record<string, { sha256: string; bytes: number }>;
}

export interface BuiltIndex {
  manifest: Manifest;
  articles: Article[];
  chunks: Chunk[];
  dense: DenseIndex;
  bm25: Bm25Index;
  /** Chunk vectors, kept only for pretrained embedders so a rebuild can reuse them. */
  vectors?: Float32Array;
}

/** The index on disk cannot be used as it is; `reason` is one line for the log. */
export class IndexUnusableError extends Error {
  constructor(
    readonly kind: "missing" | "corrupt" | "version" | "embedder",
    message: string,
  ) {
    super(message);
    this.name = "IndexUnusableError";
  }
}

const FILES = {
  articles: "articles.json",
  chunks: "chunks.json",
  dense: "dense.hnsw",
  bm25Vocab: "bm25-vocab.json",
  bm25Postings: "bm25-postings.bin",
  embedder: "embedder-state.bin",
  vectors: "vectors.f32",
};

const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Packs the BM25 arrays into one buffer: a header of four lengths, then the arrays. */
function packPostings(b: Bm25Index): Buffer {
  const { offsets, docs, tfs, docLens } = b.data;
  const header = Buffer.alloc(16);
  [offsets.length, docs.length, tfs.length, docLens.length].forEach((n, i) => header.writeUInt32LE(n, i * 4));
  return Buffer.concat([header, bytesOf(offsets), bytesOf(docs), bytesOf(docLens), bytesOf(tfs)]);
}

function unpackPostings(buf: Buffer, vocab: string[]): Bm25Index {
  const copy = new Uint8Array(buf).buffer; // aligned copy
  const [no, nd, nt, nl] = [0, 1, 2, 3].map((i) => buf.readUInt32LE(i * 4)) as [number, number, number, number];
  let at = 16;
  const take = <T>(ctor: new (b: ArrayBuffer, o: number, n: number) => T, n: number, size: number): T => {
    const v = new ctor(copy, at, n);
    at += n * size;
    return v;
  };
  const offsets = take(Uint32Array, no, 4);
  const docs = take(Uint32Array, nd, 4);
  const docLens = take(Uint32Array, nl, 4);
  const tfs = take(Uint16Array, nt, 2);
  if (at !== buf.length || no !== vocab.length + 1) throw new Error("postings file has the wrong length");
  return new Bm25Index({ vocab, offsets, docs, tfs, docLens });
}

/**
 * Writes the index into a fresh temporary folder beside `dir`, then swaps it in with
 * renames, so a crash at any point leaves either the old index or the new one, never a mix.
 */
export async function saveIndex(dir: string, index: BuiltIndex, embedder: TextEmbedder): Promise<Manifest> {
  const parent = path.dirname(dir);
  await mkdir(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(dir)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  await mkdir(tmp);
  try {
    const files: Manifest["files"] = {};
    const put = async (name: string, data: string | Buffer) => {
      await writeFile(path.join(tmp, name), data);
      files[name] = { sha256: sha256(data), bytes: Buffer.byteLength(data) };
    };
    await put(FILES.articles, JSON.stringify(index.articles));
    await put(FILES.chunks, JSON.stringify(index.chunks));
    await put(FILES.bm25Vocab, JSON.stringify(index.bm25.data.vocab));
    await put(FILES.bm25Postings, packPostings(index.bm25));
    index.dense.save(path.join(tmp, FILES.dense));
    const dense = await readFile(path.join(tmp, FILES.dense));
    files[FILES.dense] = { sha256: sha256(dense), bytes: dense.length };
    const state = embedder.saveState?.();
    if (state) await put(FILES.embedder, state);
    if (index.vectors) await put(FILES.vectors, bytesOf(index.vectors));
    const manifest: Manifest = { ...index.manifest, files };
    await writeFile(path.join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2));
    const old = `${tmp}.old`;
    await rename(dir, old).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
    await rename(tmp, dir);
    await rm(old, { recursive: true, force: true });
    return manifest;
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** Reads and validates the manifest; throws {@link IndexUnusableError} naming what is wrong. */
export async function readManifest(dir: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, "manifest.json"), "utf8");
  } catch {
    throw new IndexUnusableError("missing", `no index at ${dir}`);
  }
  let m: Manifest;
  try {
    m = JSON.parse(raw) as Manifest;
  } catch {
    throw new IndexUnusableError("corrupt", `index manifest ${path.join(dir, "manifest.json")} is not valid JSON`);
  }
  if (m.formatVersion !== FORMAT_VERSION)
    throw new IndexUnusableError("version", `index format ${m.formatVersion}, this version reads ${FORMAT_VERSION}`);
  return m;
}

/**
 * Loads an index built by the same embedder. Every file is checked against its checksum
 * before use, so a truncated or altered file is reported, never half-read.
 */
export async function loadIndex(dir: string, embedder: TextEmbedder): Promise<BuiltIndex> {
  const manifest = await readManifest(dir);
  if (manifest.embedder.id !== embedder.id || manifest.embedder.dimension !== embedder.dimension)
    throw new IndexUnusableError(
      "embedder",
      `index was built by ${manifest.embedder.id} (dim ${manifest.embedder.dimension}), ` +
        `the embedder now is ${embedder.id} (dim ${embedder.dimension})`,
    );
  const data: Record<string, Buffer> = {};
  for (const [name, want] of Object.entries(manifest.files)) {
    let buf: Buffer;
    try {
      buf = await readFile(path.join(dir, name));
    } catch {
      throw new IndexUnusableError("corrupt", `index file ${name} is missing`);
    }
    if (buf.length !== want.bytes || sha256(buf) !== want.sha256)
      throw new IndexUnusableError("corrupt", `index file ${name} is corrupt (checksum mismatch, ${buf.length} bytes)`);
    data[name] = buf;
  }
  for (const name of [FILES.articles, FILES.chunks, FILES.dense, FILES.bm25Vocab, FILES.bm25Postings])
    if (!data[name]) throw new IndexUnusableError("corrupt", `index file ${name} is not in the manifest`);
  try {
    const articles = JSON.parse(data[FILES.articles]!.toString("utf8")) as Article[];
    const chunks = JSON.parse(data[FILES.chunks]!.toString("utf8")) as Chunk[];
    const bm25 = unpackPostings(data[FILES.bm25Postings]!, JSON.parse(data[FILES.bm25Vocab]!.toString("utf8")));
    const dense = DenseIndex.load(path.join(dir, FILES.dense), manifest.embedder.dimension);
    if (dense.size !== chunks.length || bm25.size !== chunks.length)
      throw new Error(`counts differ: ${chunks.length} chunks, ${dense.size} vectors, ${bm25.size} BM25 docs`);
    if (data[FILES.embedder]) embedder.loadState?.(data[FILES.embedder]!);
    const built: BuiltIndex = { manifest, articles, chunks, dense, bm25 };
    const v = data[FILES.vectors];
    if (v) built.vectors = new Float32Array(new Uint8Array(v).buffer);
    return built;
  } catch (err) {
    if (err instanceof IndexUnusableError) throw err;
    throw new IndexUnusableError("corrupt", `index at ${dir} could not be read: ${(err as Error).message}`);
  }
}
