// Repairs print-layout artifacts inside a section: paragraphs cut mid-sentence, sentences printed twice.

import { endsSentence, splitSentences, squash } from "./cjk-text.js";

/**
 * Rejoins paragraphs that a page break cut in two: a paragraph that does not end a sentence
 * is continued by the next one (`…党的二十` + `大精神作为…`). Joined directly, since Chinese
 * has no spaces between words; a space is kept only between two Latin letters/digits.
 */
export function rejoinCutParagraphs(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !endsSentence(prev)) {
      const latin = /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(p);
      out[out.length - 1] = prev + (latin ? " " : "") + p;
    } else out.push(p);
  }
  return out;
}

/** Sentences shorter than this may repeat legitimately (「是。」, slogans) and are kept. */
const MIN_REPEAT_LEN = 10;

/**
 * Drops a sentence that repeats verbatim one seen earlier in the same section (a
 * typesetting slip: 001's 密云区 block prints one sentence three times). Returns the
 * paragraphs with those sentences removed and empty paragraphs dropped.
 */
export function dropRepeatedSentences(paragraphs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of paragraphs) {
    let kept = "";
    let cursor = 0;
    for (const s of splitSentences(p)) {
      const key = squash(s.text);
      if (key.length >= MIN_REPEAT_LEN && seen.has(key)) {
        kept += p.slice(cursor, s.start);
        cursor = s.end;
        continue;
      }
      seen.add(key);
    }
    kept += p.slice(cursor);
    kept = kept.trim();
    if (kept) out.push(kept);
  }
  return out;
}

export function repairParagraphs(paragraphs: string[]): string[] {
  return dropRepeatedSentences(rejoinCutParagraphs(paragraphs));
}
