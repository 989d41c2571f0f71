// Test helpers: the real default corpus, temp folders, and small parsed articles.

import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { parseArticle } from "../../src/index/parse-article.js";
import type { Article } from "../../src/index/types.js";

export const CORPUS_DIR = path.resolve("data/articles");

export const IDS = {
  districts: "000_ef06c47c324874f4",
  chairs: "001_0d1e4ccac9900153",
  page1: "002_6434420f5cb73ee3",
  page2: "003_61256b07ca335779",
  speeches: "004_b2f9a729e3f4e4a3",
} as const;

/** Parses one real corpus file by id. */
export async function realArticle(id: string): Promise<Article> {
  return parseArticle(id, await readFile(path.join(CORPUS_DIR, `${id}.txt`), "utf8"));
}

export async function allRealArticles(): Promise<Article[]> {
  const files = (await readdir(CORPUS_DIR)).sort();
  return Promise.all(files.map((f) => realArticle(f.replace(/\.txt$/, ""))));
}

/** A temp folder removed after the file's tests. */
export async function tempDir(prefix = "qa-test-"): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A temp copy of the default corpus, safe to modify. */
export async function corpusCopy(): Promise<string> {
  const dir = await tempDir("qa-corpus-");
  await cp(CORPUS_DIR, path.join(dir, "articles"), { recursive: true });
  return path.join(dir, "articles");
}
