// Eval metrics for one run: retrieval hits and MRR, answer accuracy, citation precision, refusals, latency.

import type { AskResult } from "../src/answer/answerer.js";

export interface EvalQuestion {
  id: string;
  question: string;
  type: string;
  lang: "zh" | "en";
  answerable: boolean;
  /** Verbatim substrings of the articles that answer the question (any one suffices). */
  evidence: string[];
  /** Strings a correct answer contains (all of them). */
  mustContain: string[];
  history?: { role: "user" | "assistant"; content: string }[];
  tags?: string[];
}

export interface QuestionOutcome {
  q: EvalQuestion;
  result: AskResult;
  /** Passage text of each retrieved chunk, in rank order. */
  retrievedTexts: string[];
  latencyMs: number;
}

export interface Row {
  id: string;
  group: string[];
  rank: number | null;
  evidenceCited: boolean;
  correct: boolean;
  refused: boolean;
  citationsSupporting: number;
  citations: number;
  latencyMs: number;
}

const holds = (text: string, needles: string[]) => needles.some((n) => text.includes(n));

/** Groups a question reports under: its type, its language, and its tags. */
export function groupsOf(q: EvalQuestion): string[] {
  const g = [q.answerable ? q.type : "unanswerable", q.lang === "en" ? "english" : "chinese", ...(q.tags ?? [])];
  if (q.answerable && q.lang === "zh" && !q.tags?.length && ["who", "when", "where", "howMany", "which", "what", "list"].includes(q.type))
    g.push("zh-factoid-list");
  return g;
}

export function scoreOutcome(o: QuestionOutcome): Row {
  const { q, result } = o;
  const rankIdx = q.evidence.length ? o.retrievedTexts.findIndex((t) => holds(t, q.evidence)) : -1;
  const supporting = result.citations.filter((c) => holds(c.text, [...q.evidence, ...q.mustContain])).length;
  return {
    id: q.id,
    group: groupsOf(q),
    rank: rankIdx >= 0 ? rankIdx + 1 : null,
    evidenceCited: q.evidence.length > 0 && result.citations.some((c) => holds(c.text, q.evidence)),
    correct: q.answerable ? result.answerable && q.mustContain.every((m) => result.answer.includes(m)) : !result.answerable,
    refused: !result.answerable,
    citationsSupporting: supporting,
    citations: result.citations.length,
    latencyMs: o.latencyMs,
  };
}

export interface Summary {
  n: number;
  hit1: number;
  hit3: number;
  hit5: number;
  mrr: number;
  evidenceCited: number;
  accuracy: number;
  citationPrecision: number;
  refusalAccuracy: number;
  falseRefusal: number;
  p50: number;
  p95: number;
}

const pct = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : NaN);

export function quantile(xs: number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

/** Summarises rows: retrieval and answer metrics over answerable ones, refusal accuracy over unanswerable ones. */
export function summarize(rows: Row[], questions: Map<string, EvalQuestion>): Summary {
  const ans = rows.filter((r) => questions.get(r.id)!.answerable);
  const un = rows.filter((r) => !questions.get(r.id)!.answerable);
  const answered = ans.filter((r) => !r.refused);
  const cites = answered.reduce((n, r) => n + r.citations, 0);
  return {
    n: rows.length,
    hit1: pct(ans.map((r) => r.rank !== null && r.rank <= 1)),
    hit3: pct(ans.map((r) => r.rank !== null && r.rank <= 3)),
    hit5: pct(ans.map((r) => r.rank !== null && r.rank <= 5)),
    mrr: ans.length ? ans.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / ans.length : NaN,
    evidenceCited: pct(ans.map((r) => r.evidenceCited)),
    accuracy: pct(ans.map((r) => r.correct)),
    citationPrecision: cites ? answered.reduce((n, r) => n + r.citationsSupporting, 0) / cites : NaN,
    refusalAccuracy: pct(un.map((r) => r.refused)),
    falseRefusal: pct(ans.map((r) => r.refused)),
    p50: quantile(rows.map((r) => r.latencyMs), 0.5),
    p95: quantile(rows.map((r) => r.latencyMs), 0.95),
  };
}
