// Writes a synthetic corpus for the bench: articles in the paper's markdown style, made from the real corpus's sentences.

import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { splitSentences } from "../src/index/cjk-text.js";
import { parseArticle } from "../src/index/parse-article.js";

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` articles of 2–5 stories each; each story a heading and 1–3 paragraphs of 2–6 real
 * sentences drawn at random, so texts are realistic Chinese yet not duplicates of each other.
 */
export async function writeSyntheticCorpus(sourceDir: string, outDir: string, count: number, seed = 1): Promise<void> {
  const sentences: string[] = [];
  const headings: string[] = [];
  for (const f of (await readdir(sourceDir)).sort()) {
    const a = parseArticle(f.replace(/\.[^.]+$/, ""), await readFile(path.join(sourceDir, f), "utf8"));
    for (const s of a.sections) {
      headings.push(s.headingPath.at(-1)!);
      for (const p of s.text.split("\n")) for (const sent of splitSentences(p)) if (sent.text.length > 8) sentences.push(sent.text);
    }
  }
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  await mkdir(outDir, { recursive: true });
  const batch: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const parts = [`# ${pick(headings)}（第${i + 1}期）`];
    for (let s = between(2, 5); s > 0; s--) {
      parts.push(`## ${pick(headings)}`);
      for (let p = between(1, 3); p > 0; p--) parts.push(Array.from({ length: between(2, 6) }, () => pick(sentences)).join(""));
    }
    batch.push(writeFile(path.join(outDir, `syn_${String(i).padStart(5, "0")}.md`), parts.join("\n\n") + "\n"));
    if (batch.length >= 256) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
}
