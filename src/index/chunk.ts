// Splits sections into chunks at sentence ends, keeping offsets so citations can point at exact sentences.

import { splitSentences, type SentenceSpan } from "./cjk-text.js";
import type { Article, Chunk, Section } from "./types.js";

export interface ChunkOptions {
  /** Upper bound of a chunk in characters (a single longer sentence is cut at commas). */
  maxChars: number;
  /** A chunk is closed once it reaches this size at a sentence end. */
  targetChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 500, targetChars: 300 };

/** Cuts a sentence longer than `max` at commas (or hard, as a last resort). */
function cutLong(s: SentenceSpan, max: number): SentenceSpan[] {
  if (s.text.length <= max) return [s];
  const out: SentenceSpan[] = [];
  let start = 0;
  while (start < s.text.length) {
    let end = Math.min(start + max, s.text.length);
    if (end < s.text.length) {
      const cut = Math.max(s.text.lastIndexOf("，", end - 1), s.text.lastIndexOf("、", end - 1));
      if (cut > start + max / 3) end = cut + 1;
    }
    out.push({ text: s.text.slice(start, end), start: s.start + start, end: s.start + end });
    start = end;
  }
  return out;
}

/** Index of the paragraph containing character `offset` of the section text. */
function paragraphAt(section: Section, offset: number): number {
  let n = 0;
  for (let i = section.text.indexOf("\n"); i >= 0 && i < offset; i = section.text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The k-th chunk of a section, covering `section.text.slice(start, end)`. */
export function makeChunk(article: Article, section: Section, k: number, start: number, end: number): Chunk {
  const c: Chunk = {
    id: `${section.id}-c${k}`,
    articleId: article.id,
    articleTitle: article.title,
    sectionId: section.id,
    heading: section.heading,
    headingPath: section.headingPath,
    paragraphIndex: paragraphAt(section, start),
    start,
    end,
    text: section.text.slice(start, end),
  };
  if (section.speaker) c.speaker = section.speaker;
  return c;
}

/**
 * Chunks one section: a short section is one chunk; a long one is split at sentence ends
 * into chunks of about `targetChars`..`maxChars`, each starting with the last sentence of
 * the previous chunk (one sentence of overlap). Chunk text is a verbatim slice of the section.
 */
export function chunkSection(article: Article, section: Section, opts = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const make = (k: number, start: number, end: number) => makeChunk(article, section, k, start, end);
  const text = section.text;
  if (text.length <= opts.maxChars) return [make(1, 0, text.length)];
  const sentences = splitSentences(text).flatMap((s) => cutLong(s, opts.maxChars));
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    // Grow until the target is reached or the next sentence would overflow.
    while (
      last + 1 < sentences.length &&
      sentences[last]!.end - sentences[first]!.start < opts.targetChars &&
      sentences[last + 1]!.end - sentences[first]!.start <= opts.maxChars
    )
      last++;
    // Take the whole rest when it fits, so no tiny tail chunk is left behind.
    const rest = sentences[sentences.length - 1]!.end - sentences[first]!.start;
    if (rest <= opts.maxChars) last = sentences.length - 1;
    chunks.push(make(chunks.length + 1, sentences[first]!.start, sentences[last]!.end));
    if (last === sentences.length - 1) break;
    // Overlap by one sentence, but always advance.
    first = last > first ? last : last + 1;
  }
  return chunks;
}

export function chunkArticles(articles: Article[], opts = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  return articles.flatMap((a) => a.sections.flatMap((s) => chunkSection(a, s, opts)));
}
