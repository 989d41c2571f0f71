// Scores the sentences of retrieved passages against the question, and decides whether they answer it.

import { splitSentences, squash } from "../index/cjk-text.js";
import { hanBigrams } from "../index/tokenize.js";
import type { RetrievedChunk } from "../retrieve/hybrid-retriever.js";
import type { AnalyzedQuestion } from "../retrieve/question.js";
import { dateSpans, nameSpans, numberSpans, orgSpans, placeSpans, roleSpans, type Span } from "./entities.js";

/** A retrieved chunk as it will be cited: the speaker line (when the section has one) and the chunk text. */
export interface Passage {
  ref: RetrievedChunk;
  rank: number;
  /** Verbatim passage: `speaker\ntext`, or `text`. */
  text: string;
  /** Heading path, speaker and passage text: where question terms may be found. */
  context: string;
}

export interface ScoredSentence {
  passage: Passage;
  /** Offsets inside `passage.text`. */
  start: number;
  end: number;
  text: string;
  score: number;
  /** Weighted share of the question's terms in the sentence, and in its passage's context. */
  sentenceCoverage: number;
  contextCoverage: number;
  /** Spans of the asked type (numbers for 多少, names for 谁 …) found in the sentence. */
  typed: Span[];
  hasFocus: boolean;
}

export function toPassage(ref: RetrievedChunk, rank: number): Passage {
  const c = ref.chunk;
  const text = c.speaker ? `${c.speaker}\n${c.text}` : c.text;
  return { ref, rank, text, context: `${c.articleTitle}\n${c.headingPath.join("\n")}\n${text}` };
}

/** A term is found when it occurs verbatim, or (3+ characters) when two thirds of its bigrams do: 赵秦玲 ~ 赵秦岭. */
export function covers(text: string, term: string): boolean {
  if (text.includes(term)) return true;
  if (term.length < 3 || !/\p{Script=Han}/u.test(term)) return false;
  const grams = hanBigrams(term);
  const hit = grams.filter((g) => text.includes(g)).length;
  return grams.length > 0 && hit / grams.length >= 2 / 3;
}


/** The role a who-question asks for (主席 in 密云区总工会主席是谁), to match names by their title. */
function askedRole(q: AnalyzedQuestion): string | undefined {
  const words = [...q.focus, ...q.terms];
  return words.map((w) => /(常务副主席|副主席|主席|党组书记|副书记|书记|副主任|主任|组长|负责人)$/.exec(w)?.[1]).find(Boolean);
}

const MONEY = /价值|金额|价格|票价|费用|经费|预算|收入|营收|工资|奖金|多少钱|资金|budget|price|cost|revenue|salary|money|value/i;

/** Classifiers that answer each other: 多少名选手 may be answered by 112位, 多少个 by 26家. */
const UNIT_CLASSES = [new Set(["名", "位", "人"]), new Set(["个", "家", "项", "所", "座", "支", "队", "件", "批", "场", "份", "种", "条", "届", "套", "次"])];
const sameClass = (a: string, b: string) => a === b || UNIT_CLASSES.some((c) => c.has(a) && c.has(b));

/** A title matches the asked role exactly, or as a longer form that is not a deputy (党组书记 for 书记). */
const roleMatches = (title: string, role: string) => title === role || (title.endsWith(role) && !title.includes("副") === !role.includes("副"));

export function typedSpans(q: AnalyzedQuestion, sentence: string): Span[] {
  switch (q.type) {
    case "howMany": {
      // Years, months and phases (二期) are not counts unless asked for; a unit asked for must match in kind;
      // a question about value or money wants an amount of money, not 400份.
      if (MONEY.test(q.original)) return numberSpans(sentence).filter((n) => /元$/.test(n.unit));
      const all = numberSpans(sentence).filter((n) => n.unit === q.unit || !["年", "月", "期"].includes(n.unit));
      return q.unit ? all.filter((n) => sameClass(n.unit, q.unit!)) : all;
    }
    case "who": {
      const role = askedRole(q);
      const names = nameSpans(sentence);
      // 主席 asked: a 副主席 or 常务副主席 is not the answer; 书记 asked: 党组书记 is.
      return role ? names.filter((n) => n.titles.some((t) => roleMatches(t, role))) : names;
    }
    case "role":
      return roleSpans(sentence, q.entities);
    case "which": {
      // 由哪个单位承办: the organisation that 承办, not the one that 主办.
      const orgs = orgSpans(sentence);
      const asked = orgs.filter((o) => q.original.includes(o.verb));
      return asked.length ? asked : orgs;
    }
    case "when":
      return dateSpans(sentence);
    case "where":
      return placeSpans(sentence);
    default:
      return [];
  }
}

export interface TermWeights {
  terms: string[];
  weight: (term: string) => number;
}

/** Weighted share of `terms` found in `text`. */
export function coverage(text: string, tw: TermWeights): number {
  let got = 0;
  let all = 0;
  for (const t of tw.terms) {
    const w = tw.weight(t);
    all += w;
    if (covers(text, t)) got += w;
  }
  return all > 0 ? got / all : 0;
}

/**
 * Scores every sentence of the passages. The score mixes how much of the question the sentence
 * itself covers, how much its passage covers (heading and speaker included), whether it holds an
 * answer of the asked type, whether it names the focus, and the passage's retrieval rank.
 * Repeated sentences (same text in two passages) are kept once, at their best rank.
 */
export function scoreSentences(q: AnalyzedQuestion, passages: Passage[], tw: TermWeights): ScoredSentence[] {
  const seen = new Set<string>();
  const out: ScoredSentence[] = [];
  for (const p of passages) {
    const ctxCov = coverage(p.context, tw);
    const speakerEnd = p.ref.chunk.speaker ? p.ref.chunk.speaker.length : -1;
    for (const s of splitSentences(p.text)) {
      const key = squash(s.text);
      if (seen.has(key) || key.length < 4) continue;
      // A speaker line is evidence of who someone is, not of what they said.
      if (s.end <= speakerEnd && q.type !== "who" && q.type !== "role") continue;
      seen.add(key);
      const sentCov = coverage(s.text, tw);
      const typed = typedSpans(q, s.text);
      const hasFocus = q.focus.some((f) => covers(s.text, f));
      const score =
        0.55 * sentCov + 0.3 * ctxCov + (typed.length ? 0.3 : 0) + (hasFocus ? 0.15 : 0) + 0.1 / (1 + p.rank);
      out.push({ passage: p, start: s.start, end: s.end, text: s.text, score, sentenceCoverage: sentCov, contextCoverage: ctxCov, typed, hasFocus });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Question types whose answer is a typed span: the evidence must hold one. */
export const TYPED = new Set<AnalyzedQuestion["type"]>(["howMany", "who", "when", "role"]);

export interface Verdict {
  answerable: boolean;
  /** The sentence the answer rests on (absent when refusing). */
  best?: ScoredSentence;
  /** What the passages lack, for the refusal message. */
  missing: string[];
}

/** Below this share of the question's weighted terms, a passage is about something else. */
const MIN_CONTEXT_COVERAGE = { zh: 0.5, en: 0.5 };
/** How far down the ranking to look for a sentence that passes every check. */
const SEARCH_DEPTH = 20;

/**
 * Picks the best sentence that answers the question, or refuses. A sentence qualifies when its
 * passage covers most of the question's weight and every key term (the focus, names of places,
 * bodies and people), and, for 多少 / 谁 / 何时 questions, when it holds an answer of that type.
 */
export function judge(q: AnalyzedQuestion, ranked: ScoredSentence[], keyTerms: string[]): Verdict {
  const typedNeeded = TYPED.has(q.type);
  for (const s of ranked.slice(0, SEARCH_DEPTH)) {
    if (s.contextCoverage < MIN_CONTEXT_COVERAGE[q.lang]) continue;
    if (!keyTerms.every((t) => covers(s.passage.context, t))) continue;
    if (typedNeeded && s.typed.length === 0) continue;
    return { answerable: true, best: s, missing: [] };
  }
  const top = ranked[0];
  if (!top) return { answerable: false, missing: q.focus.length ? q.focus : q.terms };
  const missingKeys = keyTerms.filter((t) => !covers(top.passage.context, t));
  if (missingKeys.length) return { answerable: false, missing: missingKeys };
  const missingTerms = q.terms.filter((t) => !covers(top.passage.context, t));
  return { answerable: false, missing: q.focus.length && !missingTerms.length ? q.focus : missingTerms.length ? missingTerms : q.terms };
}
