// Citation markers: placing [n] before a sentence's closing punctuation, reading them back, stripping them.

const TRAILING = /[。！？!?；;…，,、：:”’」』）)\s]+$/u;

/** One sentence with `[n][m]` placed before its closing punctuation; a bare clause gets `。` (or `.`). */
function markOne(sentence: string, marks: string, lang: "zh" | "en"): string {
  const m = TRAILING.exec(sentence);
  if (!m) return sentence + marks + (lang === "zh" ? "。" : ".");
  return sentence.slice(0, m.index) + marks + m[0];
}

/** `text` with `[n][m]` before the closing punctuation of each of its sentences (。！？ ends). */
export function withMarkers(text: string, ns: number[], lang: "zh" | "en" = "zh"): string {
  const marks = ns.map((n) => `[${n}]`).join("");
  const sentences = text.match(/[^。！？]+(?:[。！？]+[”’」』）)]*|$)/gu)?.filter((s) => s.trim()) ?? [text];
  return sentences.map((s) => markOne(s, marks, lang)).join("");
}

/** The marker numbers in a piece of text, in order. */
export function markersIn(text: string): number[] {
  return [...text.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
}

export function stripMarkers(text: string): string {
  return text.replace(/\[\d{1,3}\]/g, "");
}

/**
 * Splits an answer into its sentences, each with the markers it carries. A sentence ends at
 * 。！？ (or . ! ? followed by a space) after its markers, or at a line end.
 */
export function answerSentences(answer: string): { text: string; markers: number[] }[] {
  const out: { text: string; markers: number[] }[] = [];
  for (const line of answer.split("\n")) {
    for (const m of line.matchAll(/[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)/gu)) {
      const text = m[0].trim();
      if (stripMarkers(text).replace(/[\s\p{P}]/gu, "")) out.push({ text, markers: markersIn(text) });
    }
  }
  return out;
}
