// Checks the citation guarantee: every sentence of an answer carries markers, and what it states is inside the cited text.

import type { Citation } from "./compose.js";
import { FRAMES } from "./compose.js";
import { answerSentences, stripMarkers } from "./markers.js";

const FRAME_TEXT = Object.values(FRAMES).flatMap((f) => Object.values(f));
const squashAll = (s: string) => s.replace(/[\s]+/g, "");

export interface Violation {
  sentence: string;
  reason: string;
}

/**
 * Returns the sentences of `answer` that break the guarantee: no marker, a marker pointing
 * nowhere, or a claim (the sentence without markers, frame words and closing punctuation; each
 * part of a ；-separated list) that is not verbatim inside the texts it cites.
 */
export function citationViolations(answer: string, citations: Citation[]): Violation[] {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const out: Violation[] = [];
  for (const s of answerSentences(answer)) {
    if (!s.markers.length) {
      out.push({ sentence: s.text, reason: "no citation marker" });
      continue;
    }
    const cited = s.markers.map((n) => byN.get(n));
    if (cited.some((c) => !c)) {
      out.push({ sentence: s.text, reason: "marker points to no citation" });
      continue;
    }
    let claim = stripMarkers(s.text);
    for (const f of FRAME_TEXT) claim = claim.replace(f, "");
    const parts = claim.split(/[；;]/).map((p) => p.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")).filter(Boolean);
    const texts = cited.map((c) => squashAll(c!.text));
    for (const p of parts)
      if (!texts.some((t) => t.includes(squashAll(p)))) out.push({ sentence: s.text, reason: `"${p}" is not in the cited text` });
  }
  return out;
}
