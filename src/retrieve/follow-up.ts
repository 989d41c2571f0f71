// Rewrites an elliptical or pronoun-led follow-up into a standalone question, using the conversation so far.

import { nameSpans } from "../answer/entities.js";
import { analyzeQuestion } from "./question.js";

export interface Turn {
  role: "user" | "assistant";
  content: string;
}

const CONNECTOR = /^(那么|那|还有|另外|此外|其中|再问一下|再问|那请问)[，,\s]*/;
const PRONOUN = /^(他们|她们|他|她|该[区会单公]?|这个|这次|这项|此次|其)/;
const EN_FOLLOW = /^(and |what about |how about |and what about |what of )/i;

/** True when the question leans on an earlier turn rather than standing alone. */
export function isFollowUp(q: string): boolean {
  const t = q.trim();
  if (CONNECTOR.test(t) || PRONOUN.test(t) || EN_FOLLOW.test(t)) return true;
  if (/呢[？?]?$/.test(t) && t.length <= 14) return true;
  const a = analyzeQuestion(t);
  // No place, body or person named and almost nothing else: it needs the earlier subject.
  return a.lang === "zh" && a.entities.length === 0 && a.terms.length <= 1;
}

/** The subject part of a question: what comes before its focus or interrogative (通州区康复临床技能竞赛 in …一等奖有几名). */
function topicOf(question: string): string {
  const a = analyzeQuestion(question);
  let cut = a.askedAt ?? a.base.length;
  for (const f of a.focus) {
    const i = a.base.indexOf(f);
    if (i >= 0 && i < cut) cut = i;
  }
  return a.base.slice(0, cut).replace(/[的是有共了在，,\s]+$/u, "");
}

/** The person an answer was about: the first titled name in it, else its leading name-like span. */
function personIn(answer: string): string | undefined {
  return nameSpans(answer)[0]?.text ?? /^([\p{Script=Han}]{2,3})(?=[\[，。、（])/u.exec(answer)?.[1];
}

function rewriteOne(question: string, previous: string, lastAnswer?: string): string {
  const q = question.trim();
  const prev = analyzeQuestion(previous);
  if (EN_FOLLOW.test(q)) return `${q.replace(EN_FOLLOW, "").replace(/[?？]+$/, "")} — ${previous}`;
  // "暖心驿站呢？": the same question about another thing.
  const about = /^(.{1,12}?)呢[？?]?$/u.exec(q.replace(CONNECTOR, ""));
  if (about) {
    const x = about[1]!;
    const f = prev.focus.find((w) => prev.base.includes(w));
    if (f) return prev.base.replace(f, x);
    return `${topicOf(previous)}${x}${/[？?]$/.test(previous) ? "？" : ""}`;
  }
  // "他/她…": the person the last answer named, else the earlier question's subject.
  const pron = /^(他们|她们|他|她)/.exec(q);
  if (pron) {
    const person = (pron[1]!.length === 1 && lastAnswer ? personIn(lastAnswer) : undefined) ?? topicOf(previous);
    return q.replace(pron[1]!, person);
  }
  const rest = q.replace(CONNECTOR, "").replace(PRONOUN, "");
  const topic = topicOf(previous);
  return topic && !rest.startsWith(topic) ? `${topic}${rest}` : rest;
}

/**
 * Returns the standalone form of `question`. Each earlier user turn is itself made standalone
 * first, so a chain of follow-ups keeps its subject. A question that stands alone is returned as is.
 * @example
 * rewriteFollowUp("暖心驿站呢？", [{ role: "user", content: "东城区累计建成了多少个职工之家？" }])
 * // "东城区累计建成了多少个暖心驿站？"
 */
export function rewriteFollowUp(question: string, history: Turn[] = []): string {
  let standalone: string | undefined;
  let lastAnswer: string | undefined;
  for (const turn of history) {
    if (turn.role === "assistant") {
      lastAnswer = turn.content;
      continue;
    }
    standalone = standalone && isFollowUp(turn.content) ? rewriteOne(turn.content, standalone, lastAnswer) : turn.content;
    lastAnswer = undefined;
  }
  if (!standalone || !isFollowUp(question)) return question.trim();
  return rewriteOne(question, standalone, lastAnswer);
}
