// Answers a question end to end: follow-up rewrite, analysis, hybrid retrieval, evidence, composition, optional LLM.

import type { TextEmbedder } from "../index/embedder.js";
import type { BuiltIndex } from "../index/index-store.js";
import { rewriteFollowUp, type Turn } from "../retrieve/follow-up.js";
import { HybridRetriever, type RetrievalMode, type RetrievedChunk } from "../retrieve/hybrid-retriever.js";
import type { Lexicon } from "../retrieve/lexicon.js";
import { analyzeQuestion, type AnalyzedQuestion } from "../retrieve/question.js";
import { translateQuestion } from "../retrieve/translate.js";
import { words } from "../index/tokenize.js";
import { compose, type Citation } from "./compose.js";
import { coverage, judge, scoreSentences, toPassage, type Passage, type TermWeights } from "./evidence.js";

export interface AskRequest {
  question: string;
  history?: Turn[];
  topK?: number;
}

export interface AskResult {
  answer: string;
  answerable: boolean;
  citations: Citation[];
  rewrittenQuestion?: string;
  timings: { retrieveMs: number; answerMs: number };
  /** What the question was taken to ask, for clients and the eval. */
  questionType: AnalyzedQuestion["type"];
  /** Every passage retrieved, best first (the eval measures retrieval on these). */
  retrieved: { chunkId: string; score: number }[];
}

/** Produces answer text from numbered passages; the LLM generator implements it. */
export interface AnswerGenerator {
  readonly id: string;
  generate(input: GenerateInput): Promise<Pick<AskResult, "answer" | "answerable" | "citations"> | undefined>;
}

export interface GenerateInput {
  question: string;
  lang: "zh" | "en";
  passages: Citation[];
  /** The extractive answer, returned as is when generation fails. */
  fallback: Pick<AskResult, "answer" | "answerable" | "citations">;
  onToken?: (text: string) => void;
}

export interface AnswererDeps {
  index: BuiltIndex;
  embedder: TextEmbedder;
  lexicon?: Lexicon;
  generator?: AnswerGenerator;
}

export const DEFAULT_TOP_K = 5;
/** Types whose focus names the thing asked about (多少个[职工之家], [主席]是谁); for when/where it is incidental. */
const FOCUS_IS_KEY = new Set(["howMany", "who", "role", "which"]);
/** Fused candidates the reranker looks at before keeping topK. */
const RERANK_POOL = 30;

export type AnswerMode = RetrievalMode | "hybrid-norerank";

/**
 * Reranks fused candidates: half the fused score (scaled to the best), half the IDF-weighted
 * share of the question's terms that the passage — heading and speaker included — covers.
 * It lifts a passage whose speaker line names the person asked about, which the chunk text alone hides.
 */
export function rerank(passages: Passage[], tw: TermWeights): Passage[] {
  const top = Math.max(...passages.map((p) => p.ref.score), 1e-9);
  return passages
    .map((p) => ({ p, s: 0.5 * (p.ref.score / top) + 0.5 * coverage(p.context, tw) }))
    .sort((a, b) => b.s - a.s)
    .map(({ p }, rank) => ({ ...p, rank }));
}

export class Answerer {
  readonly retriever: HybridRetriever;

  /** Attaches the English lookup once it has loaded (it is built in the background at start). */
  useLexicon(lexicon: Lexicon | undefined): void {
    if (lexicon) this.deps.lexicon = lexicon;
  }

  constructor(private readonly deps: AnswererDeps) {
    this.retriever = new HybridRetriever(deps.index, deps.embedder);
  }

  /** Question terms weighted by corpus IDF; a term the corpus never uses weighs the most. */
  private weights(q: AnalyzedQuestion): TermWeights {
    const { bm25 } = this.deps.index;
    const verbs = new Set(q.verbs);
    return { terms: q.terms, weight: (t) => bm25.idf(t) * (verbs.has(t) || /^[a-z]/.test(t) ? 0.5 : 1) };
  }

  /**
   * A compound the corpus never uses (集中学习) is replaced by its known parts (集中, 学习), so one
   * unusual phrasing does not sink a question the articles answer; a wholly unknown word stays.
   */
  private splitUnknown(terms: string[]): string[] {
    const { bm25 } = this.deps.index;
    return terms.flatMap((t) => {
      if (bm25.docFreq(t) || t.length < 3 || !/\p{Script=Han}/u.test(t)) return [t];
      const parts = words(t).filter((w) => w !== t && w.length >= 2 && bm25.docFreq(w) > 0);
      return parts.length ? [...new Set(parts)] : [t];
    });
  }

  /** Analysis plus, for English, the Chinese words to search with. */
  private analyze(standalone: string): { q: AnalyzedQuestion; extra?: Map<string, number> } {
    const analyzed = analyzeQuestion(standalone);
    const q = { ...analyzed, terms: this.splitUnknown(analyzed.terms) };
    if (q.lang !== "en" || !this.deps.lexicon) return { q };
    const { bm25 } = this.deps.index;
    const known = (zh: string) => bm25.docFreq(zh) > 0;
    const t = translateQuestion(standalone, this.deps.lexicon, known);
    // English: the Chinese words stand in for the terms, and the focus is any of them (for lifting 二等奖3名).
    // Untranslated content words stay as terms: the Chinese text never covers them, which is the
    // point — "budget" with no 预算 in the corpus must weigh against answering.
    return { q: { ...q, terms: [...t.primary, ...t.untranslated], focus: t.primary }, extra: new Map(t.terms.map((z) => [z, 1])) };
  }

  async ask(req: AskRequest, opts: { mode?: AnswerMode; onToken?: (text: string) => void } = {}): Promise<AskResult> {
    const t0 = performance.now();
    const standalone = rewriteFollowUp(req.question, req.history ?? []);
    const { q, extra } = this.analyze(standalone);
    const topK = req.topK ?? DEFAULT_TOP_K;
    const tw = this.weights(q);
    const mode = opts.mode ?? "hybrid";
    let passages: Passage[];
    if (mode === "hybrid") {
      const pool: RetrievedChunk[] = await this.retriever.retrieve(q.searchText, { topK: Math.max(RERANK_POOL, topK), extraTerms: extra });
      passages = rerank(pool.map(toPassage), tw).slice(0, topK);
    } else {
      const fused = await this.retriever.retrieve(q.searchText, { topK, mode: mode === "hybrid-norerank" ? "hybrid" : mode, extraTerms: extra });
      passages = fused.map(toPassage);
    }
    const t1 = performance.now();
    const ranked = scoreSentences(q, passages, tw);
    // The focus gates a refusal only where the answer is a typed span (奖金 in 奖金是多少); for what/list
    // questions it is often a category word the text does not repeat (什么城市 → 最美冬奥城).
    const keyTerms = q.lang === "zh" ? [...new Set([...q.entities, ...(FOCUS_IS_KEY.has(q.type) ? q.focus : [])])] : [];
    const verdict = judge(q, ranked, keyTerms);
    let composed: Pick<AskResult, "answer" | "answerable" | "citations"> = compose(q, ranked, verdict, passages, keyTerms, q.terms);
    if (this.deps.generator && passages.length) {
      const numbered = passages.map((p, i) => ({
        n: i + 1, articleId: p.ref.chunk.articleId, articleTitle: p.ref.chunk.articleTitle, sectionId: p.ref.chunk.sectionId,
        heading: p.ref.chunk.heading, text: p.text, score: p.ref.score,
      }));
      composed = (await this.deps.generator.generate({ question: standalone, lang: q.lang, passages: numbered, fallback: composed, onToken: opts.onToken })) ?? composed;
    }
    const t2 = performance.now();
    const result: AskResult = {
      ...composed,
      timings: { retrieveMs: round(t1 - t0), answerMs: round(t2 - t1) },
      questionType: q.type,
      retrieved: passages.map((p) => ({ chunkId: p.ref.chunk.id, score: p.ref.score })),
    };
    if (standalone !== req.question.trim()) result.rewrittenQuestion = standalone;
    return result;
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
