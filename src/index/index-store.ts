// Persists a built index under DATA_DIR/index: named files, a manifest with checksums, atomic swap on save.

import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Bm25Index } from "./bm25.js";
import { makeChunk } from "./chunk.js";
import { DenseIndex } from "./dense-index.js";
import type { TextEmbedder } from "./embedder.js";
import { sha256 } from "./read-corpus.js";
import type { Article, Chunk } from "./types.js";

/** Bumped whenever the files' layout or meaning changes; older indexes are rebuilt. */
export const FORMAT_VERSION = 2;

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

/** A chunk on disk is only where it sits: [sectionId, start, end]; the rest is rebuilt from its section. */
type ChunkRow = [string, number, number];

function packChunks(chunks: Chunk[]): ChunkRow[] {
  return chunks.map((c) => [c.sectionId, c.start, c.end]);
}

function unpackChunks(rows: ChunkRow[], articles: Article[]): Chunk[] {
  const where = new Map(articles.flatMap((a) => a.sections.map((s) => [s.id, { a, s }] as const)));
  const k = new Map<string, number>();
  return rows.map(([sectionId, start, end]) => {
    const at = where.get(sectionId);
    if (!at) throw new Error(`chunk refers to unknown section ${sectionId}`);
    const n = (k.get(sectionId) ?? 0) + 1;
    k.set(sectionId, n);
    return makeChunk(at.a, at.s, n, start, end);
  });
}

/** The file's bytes as an ArrayBuffer: the Buffer's own when it owns all of it (large reads do), else a copy. */
function arrayBufferOf(buf: Buffer): ArrayBuffer {
  if (buf.byteOffset === 0 && buf.buffer instanceof ArrayBuffer && buf.buffer.byteLength === buf.length) return buf.buffer;
  return new Uint8Array(buf).buffer;
}

async function fileSha256(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const part of createReadStream(file)) h.update(part as Buffer);
  return h.digest("hex");
}

/** Packs the BM25 arrays into one buffer: a header of four lengths, then the arrays. */
function packPostings(b: Bm25Index): Buffer {
  const { offsets, docs, tfs, docLens } = b.data;
  const header = Buffer.alloc(16);
  [offsets.length, docs.length, tfs.length, docLens.length].forEach((n, i) => header.writeUInt32LE(n, i * 4));
  return Buffer.concat([header, bytesOf(offsets), bytesOf(docs), bytesOf(docLens), bytesOf(tfs)]);
}

function unpackPostings(buf: Buffer, vocab: string[]): Bm25Index {
  const copy = arrayBufferOf(buf);
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
    await put(FILES.chunks, JSON.stringify(packChunks(index.chunks)));
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
  for (const name of [FILES.articles, FILES.chunks, FILES.dense, FILES.bm25Vocab, FILES.bm25Postings])
    if (!manifest.files[name]) throw new IndexUnusableError("corrupt", `index file ${name} is not in the manifest`);
  // One file at a time: verify, parse, let the raw bytes go, so peak memory stays near the index's own size.
  const read = async (name: string): Promise<Buffer | undefined> => {
    const want = manifest.files[name];
    if (!want) return undefined;
    let buf: Buffer;
    try {
      buf = await readFile(path.join(dir, name));
    } catch {
      throw new IndexUnusableError("corrupt", `index file ${name} is missing`);
    }
    if (buf.length !== want.bytes || sha256(buf) !== want.sha256)
      throw new IndexUnusableError("corrupt", `index file ${name} is corrupt (checksum mismatch, ${buf.length} bytes)`);
    return buf;
  };
  const json = async <T>(name: string): Promise<T> => JSON.parse((await read(name))!.toString("utf8")) as T;
  try {
    const densePath = path.join(dir, FILES.dense);
    const denseSum = await fileSha256(densePath).catch(() => {
      throw new IndexUnusableError("corrupt", `index file ${FILES.dense} is missing`);
    });
    if (denseSum !== manifest.files[FILES.dense]!.sha256)
      throw new IndexUnusableError("corrupt", `index file ${FILES.dense} is corrupt (checksum mismatch)`);
    const articles = await json<Article[]>(FILES.articles);
    const chunks = unpackChunks(await json<ChunkRow[]>(FILES.chunks), articles);
    const bm25 = unpackPostings((await read(FILES.bm25Postings))!, await json<string[]>(FILES.bm25Vocab));
    const dense = DenseIndex.load(densePath, manifest.embedder.dimension);
    if (dense.size !== chunks.length || bm25.size !== chunks.length)
      throw new Error(`counts differ: ${chunks.length} chunks, ${dense.size} vectors, ${bm25.size} BM25 docs`);
    const state = await read(FILES.embedder);
    if (state) embedder.loadState?.(state);
    const built: BuiltIndex = { manifest, articles, chunks, dense, bm25 };
    const v = await read(FILES.vectors);
    if (v) built.vectors = new Float32Array(arrayBufferOf(v));
    return built;
  } catch (err) {
    if (err instanceof IndexUnusableError) throw err;
    throw new IndexUnusableError("corrupt", `index at ${dir} could not be read: ${(err as Error).message}`);
  }
}
