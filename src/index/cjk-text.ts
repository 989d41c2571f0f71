// Chinese text helpers: sentence ends, sentence splitting with offsets, CJK detection.

/** Characters that end a sentence in Chinese or Western text. */
const SENTENCE_END = "。！？!?；;…";
/** Closing marks that may follow a sentence end and belong to the same sentence. */
const CLOSERS = "”’」』）)】》\"'";

export const HAN = /\p{Script=Han}/u;

/** True when `s` contains a Han character. */
export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/**
 * True when a paragraph ends where a sentence may end: a sentence-final mark or a colon,
 * optionally followed by closing quotes/brackets. Used to spot paragraphs cut by page layout.
 */
export function endsSentence(paragraph: string): boolean {
  let i = paragraph.length - 1;
  while (i >= 0 && /\s/.test(paragraph[i]!)) i--;
  while (i >= 0 && CLOSERS.includes(paragraph[i]!)) i--;
  if (i < 0) return true;
  return (SENTENCE_END + "：:").includes(paragraph[i]!);
}

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits text into sentences at 。！？；… (with any closing quotes kept in the sentence)
 * and at newlines; returns each sentence with its offsets into `text`. Whitespace-only
 * pieces are dropped; offsets exclude surrounding whitespace.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n") {
      push(i + 1);
      continue;
    }
    if (SENTENCE_END.includes(ch)) {
      let j = i + 1;
      // "……" and "？！" stay together, then trailing closers.
      while (j < text.length && SENTENCE_END.includes(text[j]!)) j++;
      while (j < text.length && CLOSERS.includes(text[j]!)) j++;
      // ASCII ';' '!' '?' inside Latin text are sentence ends only when followed by space or end.
      if ("!?;".includes(ch) && j < text.length && !/[\s\p{Script=Han}]/u.test(text[j]!)) continue;
      push(j);
      i = j - 1;
    }
  }
  push(text.length);
  return spans;
}

/** Collapses all whitespace runs; used to compare sentences for verbatim repeats. */
export function squash(s: string): string {
  return s.replace(/\s+/g, "");
}
