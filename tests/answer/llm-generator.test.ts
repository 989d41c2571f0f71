// The optional LLM path against a real local OpenAI-compatible server: prompt, streaming, marker checks, fallbacks.

import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../../src/answer/answerer.js";
import { checkGenerated, LlmGenerator } from "../../src/answer/llm-generator.js";
import { realAnswerer } from "../helpers/answerer.js";
import { startOpenAIServer, type FakeOpenAI } from "../helpers/openai-server.js";

const Q = "通州区康复临床技能竞赛二等奖评出了几名？";

describe("LLM generator over an OpenAI-compatible server", () => {
  let server: FakeOpenAI;
  let answerer: Answerer;
  beforeAll(async () => {
    server = await startOpenAIServer();
    const generator = new LlmGenerator({ baseUrl: server.baseUrl, model: "test-model", timeoutMs: 1500 });
    answerer = await realAnswerer({ generator });
  });

  it("sends the numbered passages with the instructions and streams the answer's tokens", async () => {
    server.reply = { pieces: ["二等奖", "评出了3名", "[1]。"] };
    const tokens: string[] = [];
    const r = await answerer.ask({ question: Q }, { onToken: (t) => tokens.push(t) });
    const req = server.requests.at(-1)!.body;
    expect(req.model).toBe("test-model");
    expect(req.stream).toBe(true);
    expect(req.messages[0]!.content).toMatch(/只能根据用户给出的编号资料回答/);
    expect(req.messages[1]!.content).toMatch(/^资料：\n\[1\] 《/);
    expect(req.messages[1]!.content).toContain("问题：通州区康复临床技能竞赛二等奖评出了几名？");
    expect(tokens).toEqual(["二等奖", "评出了3名", "[1]。"]);
    expect(r.answer).toBe("二等奖评出了3名[1]。");
    expect(r.answerable).toBe(true);
    expect(r.citations).toHaveLength(1);
    expect(r.citations[0]!.text).toContain("二等奖3名");
    expect(r.citations[0]!.quote).toContain("二等奖3名");
  });

  it("removes markers that point nowhere and drops sentences left without a citation", async () => {
    server.reply = { text: "二等奖3名[1][7]。这是模型自己编的一句话。一等奖2名[9]。" };
    const r = await answerer.ask({ question: Q });
    expect(r.answer).toBe("二等奖3名[1]。");
    expect(r.citations.map((c) => c.n)).toEqual([1]);
  });

  it("renumbers citations in order of use", () => {
    const passages = [1, 2, 3].map((n) => ({ n, articleId: "a", articleTitle: "t", sectionId: `s${n}`, heading: "h", text: `第${n}段。`, score: 1 }));
    const r = checkGenerated("甲[3]。乙[1][3]。", passages)!;
    expect(r.answer).toBe("甲[1]。乙[2][1]。");
    expect(r.citations.map((c) => [c.n, c.sectionId])).toEqual([[1, "s3"], [2, "s1"]]);
  });

  it("passes on the model's own refusal as not answerable", async () => {
    server.reply = { text: "文章中没有相关信息。" };
    const r = await answerer.ask({ question: Q });
    expect(r).toMatchObject({ answerable: false, answer: "文章中没有相关信息。", citations: [] });
  });

  it("falls back to the extractive answer when the server fails or times out", async () => {
    server.reply = { status: 500 };
    const failed = await answerer.ask({ question: Q });
    expect(failed.answer.split("\n")[0]).toBe("二等奖3名[1]。");
    server.reply = { text: "二等奖3名[1]。", delayMs: 3000 };
    const slow = await answerer.ask({ question: Q });
    expect(slow.answer.split("\n")[0]).toBe("二等奖3名[1]。");
    expect(slow.answer).toContain("最终，共评选出一等奖2名");
  });
});
