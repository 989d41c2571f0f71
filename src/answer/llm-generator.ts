// Optional generator: an OpenAI-compatible chat model (via LangChain) answers from numbered passages; markers are checked.

import { ChatOpenAI } from "@langchain/openai";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { splitSentences } from "../index/cjk-text.js";
import type { AnswerGenerator, GenerateInput } from "./answerer.js";
import type { Citation } from "./compose.js";
import { answerSentences, markersIn, stripMarkers } from "./markers.js";

export interface LlmOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  log?: (line: string) => void;
}

const SYSTEM_ZH = `你是劳动午报文章的问答助手。只能根据用户给出的编号资料回答，不得使用资料以外的知识。
每一句话的句末都要用[n]标注所依据资料的编号（可以有多个，如[1][2]）。回答要简短，先给出直接答案。
如果资料中没有答案，只回答：“文章中没有相关信息。”`;
const SYSTEM_EN = `You answer questions about Chinese trade-union newspaper articles, using only the numbered passages given.
End every sentence with the [n] marker(s) of the passage(s) it relies on. Be brief; lead with the direct answer.
If the passages do not contain the answer, reply only: "The articles do not contain this information."`;

const REFUSAL = /文章中没有相关信息|没有相关信息|无法回答|do not contain this information|cannot be answered/i;

/** The prompt's user part: the question and the numbered passages. */
export function userPrompt(question: string, passages: Citation[]): string {
  const body = passages.map((p) => `[${p.n}] 《${p.articleTitle}》${p.heading}\n${p.text}`).join("\n\n");
  return `资料：\n${body}\n\n问题：${question}`;
}

/** The passage sentence sharing the most characters with `claim`: the quote a generated sentence relies on. */
function closestSentence(passage: string, claim: string): string | undefined {
  const chars = new Set(stripMarkers(claim).replace(/[\s\p{P}]/gu, ""));
  let best: { s: string; n: number } | undefined;
  for (const s of splitSentences(passage)) {
    let n = 0;
    for (const ch of s.text) if (chars.has(ch)) n++;
    if (!best || n > best.n) best = { s: s.text, n };
  }
  return best && best.n > 0 ? best.s : undefined;
}

/**
 * Checks a generated answer against the passages it was given: markers that point nowhere are
 * removed, sentences left without a valid marker are dropped, citations are renumbered in order
 * of use. Returns undefined when nothing citable is left (the caller falls back).
 */
export function checkGenerated(text: string, passages: Citation[]): Pick<GenerateInput["fallback"], "answer" | "answerable" | "citations"> | undefined {
  const valid = new Map(passages.map((p) => [p.n, p]));
  if (REFUSAL.test(text) && !markersIn(text).some((n) => valid.has(n))) {
    return { answer: text.trim(), answerable: false, citations: [] };
  }
  const renumber = new Map<number, number>();
  const quotes = new Map<number, string[]>();
  const kept: string[] = [];
  for (const s of answerSentences(text)) {
    const good = s.markers.filter((n) => valid.has(n));
    if (!good.length) continue;
    let out = s.text.replace(/\[(\d{1,3})\]/g, (_m, d: string) => {
      const n = Number(d);
      if (!valid.has(n)) return "";
      if (!renumber.has(n)) renumber.set(n, renumber.size + 1);
      return `[${renumber.get(n)}]`;
    });
    out = out.replace(/(\[\d+\])\1+/g, "$1");
    kept.push(out);
    for (const n of good) {
      const q = closestSentence(valid.get(n)!.text, s.text);
      if (q) quotes.set(n, [...new Set([...(quotes.get(n) ?? []), q])]);
    }
  }
  if (!kept.length) return undefined;
  const citations = [...renumber.entries()].map(([old, n]) => {
    const p = valid.get(old)!;
    const q = quotes.get(old);
    return { ...p, n, ...(q ? { quote: q.join("\n") } : {}) };
  });
  return { answer: kept.join(/[\p{Script=Han}]/u.test(kept.join("")) ? "" : " "), answerable: true, citations };
}

export class LlmGenerator implements AnswerGenerator {
  readonly id: string;
  private readonly model: ChatOpenAI;

  constructor(private readonly opts: LlmOptions) {
    this.id = `llm:${opts.model}`;
    this.model = new ChatOpenAI({
      model: opts.model,
      apiKey: opts.apiKey || "not-needed",
      temperature: 0,
      maxRetries: 0,
      timeout: opts.timeoutMs,
      configuration: { baseURL: opts.baseUrl },
    });
  }

  /** Streams the generation (tokens go to `onToken`), then checks it; on any failure returns undefined. */
  async generate(input: GenerateInput): Promise<Pick<GenerateInput["fallback"], "answer" | "answerable" | "citations"> | undefined> {
    const messages = [new SystemMessage(input.lang === "zh" ? SYSTEM_ZH : SYSTEM_EN), new HumanMessage(userPrompt(input.question, input.passages))];
    const signal = AbortSignal.timeout(this.opts.timeoutMs);
    try {
      let text = "";
      for await (const chunk of await this.model.stream(messages, { signal })) {
        const piece = typeof chunk.content === "string" ? chunk.content : "";
        if (!piece) continue;
        text += piece;
        input.onToken?.(piece);
      }
      const checked = checkGenerated(text, input.passages);
      if (!checked) this.opts.log?.(`llm: answer had no valid citation; using the extractive answer`);
      return checked;
    } catch (err) {
      this.opts.log?.(`llm: ${(err as Error).message}; using the extractive answer`);
      return undefined;
    }
  }
}
