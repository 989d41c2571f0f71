// The extractive composer: a short answer whose every sentence is lifted verbatim from a cited passage.

import { squash } from "../index/cjk-text.js";
import type { AnalyzedQuestion } from "../retrieve/question.js";
import type { Span } from "./entities.js";
import { covers, type Passage, type ScoredSentence, type Verdict } from "./evidence.js";
import { withMarkers } from "./markers.js";

export interface Citation {
  n: number;
  articleId: string;
  articleTitle: string;
  sectionId: string;
  heading: string;
  /** The cited passage, verbatim. */
  text: string;
  /** The exact sentence(s) of the passage the answer relies on. */
  quote?: string;
  score: number;
}

export interface Composed {
  answer: string;
  answerable: boolean;
  citations: Citation[];
}

/** Numbers passages in order of first use and collects the sentences quoted from each. */
export class CitationList {
  private readonly byChunk = new Map<string, { c: Citation; quotes: string[] }>();

  cite(p: Passage, quote?: string): number {
    const id = p.ref.chunk.id;
    let e = this.byChunk.get(id);
    if (!e) {
      const c = p.ref.chunk;
      e = {
        c: { n: this.byChunk.size + 1, articleId: c.articleId, articleTitle: c.articleTitle, sectionId: c.sectionId, heading: c.heading, text: p.text, score: round(p.ref.score) },
        quotes: [],
      };
      this.byChunk.set(id, e);
    }
    if (quote && !e.quotes.includes(quote)) e.quotes.push(quote);
    return e.c.n;
  }

  list(): Citation[] {
    // Several sentences of one passage are quoted one per line: each line is verbatim in the passage.
    return [...this.byChunk.values()].map(({ c, quotes }) => (quotes.length ? { ...c, quote: quotes.join("\n") } : c));
  }
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The answer span of the asked type, lifted verbatim: the typed span nearest the focus, widened
 * to include the focus when they sit together (二等奖3名), else the span alone (3名).
 */
export function liftDirect(q: AnalyzedQuestion, s: ScoredSentence): string | undefined {
  if (!s.typed.length) return undefined;
  // Every place the focus occurs; an answer right after it (职工之家65个) beats one before it,
  // and a longer focus beats a shorter one at the same gap (二等奖3名 over 一等[奖2名]).
  const focus = [...q.focus].sort((a, b) => b.length - a.length);
  const occurrences: { end: number; len: number }[] = [];
  for (const f of focus) for (let i = s.text.indexOf(f); i >= 0; i = s.text.indexOf(f, i + 1)) occurrences.push({ end: i + f.length, len: f.length });
  const dist = (t: Span) =>
    occurrences.length
      ? Math.min(...occurrences.map((o) => (t.start >= o.end ? t.start - o.end : 2 * (o.end - t.start) + 10) * 10 - o.len))
      : t.start;
  const best = [...s.typed].sort((a, b) => dist(a) - dist(b))[0]!;
  if (q.type === "who" || q.type === "role") return best.text;
  for (const f of focus) {
    const i = s.text.lastIndexOf(f, best.start);
    if (i >= 0 && i + f.length <= best.start) {
      const between = s.text.slice(i + f.length, best.start);
      if (between.length <= 4 && !/[，。；、,]/.test(between)) return s.text.slice(i, best.end);
    }
  }
  return best.text;
}

/** Other answers of the same type from other articles: the same union named with two chairs, say. */
function disagreeing(q: AnalyzedQuestion, best: ScoredSentence, direct: string, ranked: ScoredSentence[], keyTerms: string[]): { s: ScoredSentence; value: string }[] {
  if (q.type !== "who") return [];
  const out: { s: ScoredSentence; value: string }[] = [];
  for (const s of ranked.slice(1, 12)) {
    if (s.passage.ref.chunk.articleId === best.passage.ref.chunk.articleId) continue;
    if (s.score < best.score * 0.7 || !keyTerms.every((t) => covers(s.passage.context, t))) continue;
    const value = liftDirect(q, s);
    if (!value || value === direct || [direct, ...out.map((o) => o.value)].some((v) => v.includes(value) || value.includes(v))) continue;
    out.push({ s, value });
  }
  return out.slice(0, 2);
}

/** Supporting sentences after the best one: new ground (terms not yet covered) and a score near the best. */
function supporting(q: AnalyzedQuestion, ranked: ScoredSentence[], terms: string[], keyTerms: string[]): ScoredSentence[] {
  const best = ranked[0]!;
  const max = q.type === "list" || q.type === "whyHow" ? 3 : q.type === "what" ? 2 : 1;
  const chosen = [best];
  const covered = new Set(terms.filter((t) => covers(best.text, t)));
  for (const s of ranked.slice(1)) {
    if (chosen.length >= max) break;
    const fresh = terms.filter((t) => !covered.has(t) && covers(s.text, t));
    const sameArticle = s.passage.ref.chunk.articleId === best.passage.ref.chunk.articleId;
    const samePassage = s.passage === best.passage;
    if (s.score < best.score * (fresh.length && samePassage ? 0.6 : 0.85)) continue;
    if (!keyTerms.every((t) => covers(s.passage.context, t))) continue;
    if (!sameArticle && !fresh.length && max === 1) continue;
    if (chosen.some((c) => squash(c.text).includes(squash(s.text)) || squash(s.text).includes(squash(c.text)))) continue;
    chosen.push(s);
    for (const t of fresh) covered.add(t);
  }
  // Read in article order: a passage's sentences as they appear.
  return chosen.sort((a, b) => a.passage.rank - b.passage.rank || a.start - b.start);
}

/**
 * For list questions, a sentence is read to its true end: clauses cut at ；(一是…；二是…；) run on to
 * the closing 。, and a sentence that announces a list (…：, 包括…) takes the one that gives it.
 */
function withEnumeration(s: ScoredSentence): string {
  const text = s.passage.text;
  let end = s.end;
  if (/[；;]$/.test(s.text)) {
    const stop = text.slice(end).search(/[。！？]/);
    if (stop >= 0) end += stop + 1;
  }
  const next = text.slice(end).replace(/^\s+/, "");
  if (/[：:]$/.test(text.slice(s.start, end).replace(/[。]$/, "")) || /^(包括|分别|即|主要有|具体)/.test(next)) {
    const stop = next.search(/[。！？]/);
    if (stop >= 0) end = text.indexOf(next, end) + stop + 1;
  }
  return text.slice(s.start, end);
}

export const FRAMES = {
  zh: { disagree: "各篇文章说法不一：", related: "相关报道：" },
  en: { disagree: "The articles differ: ", related: "Related: " },
};

/** Composes the answer from ranked sentences and the verdict on them. */
export function compose(q: AnalyzedQuestion, ranked: ScoredSentence[], verdict: Verdict, passages: Passage[], keyTerms: string[], terms: string[]): Composed {
  const cites = new CitationList();
  const lang = q.lang;
  const best = verdict.best;
  if (!verdict.answerable || !best) return refuse(q, verdict, passages, cites);
  ranked = [best, ...ranked.filter((s) => s !== best)];
  const lines: string[] = [];
  const direct = liftDirect(q, best);
  const others = direct ? disagreeing(q, best, direct, ranked, keyTerms) : [];
  const support = supporting(q, ranked, terms, keyTerms);
  if (direct && others.length) {
    const parts = [{ s: best, value: direct }, ...others].map(({ s, value }) => withMarkers(value, [cites.cite(s.passage, s.text)], lang).replace(/[。.]$/, ""));
    lines.push(FRAMES[lang].disagree + parts.join(lang === "zh" ? "；" : "; ") + (lang === "zh" ? "。" : "."));
    for (const o of others) support.push(o.s);
  } else if (direct) {
    lines.push(withMarkers(direct, [cites.cite(best.passage, best.text)], lang));
  }
  for (const s of support) {
    const text = q.type === "list" ? withEnumeration(s) : s.text;
    lines.push(withMarkers(text, [cites.cite(s.passage, text)], lang));
  }
  return { answer: lines.join("\n"), answerable: true, citations: cites.list() };
}

function refuse(q: AnalyzedQuestion, verdict: Verdict, passages: Passage[], cites: CitationList): Composed {
  const what = verdict.missing.slice(0, 3);
  const lines =
    q.lang === "zh"
      ? [what.length ? `现有文章中没有关于“${what.join("、")}”的信息，无法回答这个问题。` : "现有文章中没有能回答这个问题的信息。"]
      : [what.length ? `The articles do not contain information about "${what.join(", ")}", so this cannot be answered from them.` : "The articles do not contain the answer to this question."];
  // Point at the nearest related passage, so the reader can check for themselves.
  const near = passages[0];
  if (near) {
    const c = near.ref.chunk;
    const label = q.lang === "zh" ? `《${c.articleTitle}》${c.heading}` : `"${c.articleTitle}", ${c.heading}`;
    lines.push(withMarkers(FRAMES[q.lang].related + label, [cites.cite(near)], q.lang));
  }
  return { answer: lines.join("\n"), answerable: false, citations: cites.list() };
}
