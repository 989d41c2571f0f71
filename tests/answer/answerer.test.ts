// End-to-end answers on the real corpus: each question type, refusals, disagreement, English, follow-ups, and the citation guarantee.

import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../../src/answer/answerer.js";
import { citationViolations } from "../../src/answer/citation-check.js";
import { realAnswerer } from "../helpers/answerer.js";

describe("answering questions", () => {
  let answerer: Answerer;
  beforeAll(async () => {
    answerer = await realAnswerer();
  });
  const ask = (question: string, history?: { role: "user" | "assistant"; content: string }[]) => answerer.ask({ question, history });

  it.each([
    ["东城区累计建成了多少个职工之家？", "职工之家65个", "暖心驿站1427个"],
    ["通州区康复临床技能竞赛共有多少位选手参加？", "112位", "全区26家医疗卫生机构的112位选手"],
    ["小米集团工会主席是谁？", "施艳", "工会主席施艳"],
    ["昌平区总工会的干部职工是什么时候学习党的二十大报告的？", "10月17日上午", "带领区总工会全体干部职工认真学习了党的二十大报告"],
    ["国家大剧院百场公益演出水务女职工专场在哪里开演？", "北运河管理处", "在北运河管理处开演"],
    ["司建担任什么职务？", "北京市总工会党组成员、经审委主任", "经审委主任 司建"],
    ["北京市金融工会健步走活动由哪个单位承办？", "中国农业银行北京市分行工会", "承办"],
  ])("answers %s leading with %s", async (q, lead, quoted) => {
    const r = await ask(q);
    expect(r.answerable).toBe(true);
    expect(r.answer.split("\n")[0]).toContain(lead);
    expect(r.citations.some((c) => c.quote?.includes(quoted) || c.text.includes(quoted))).toBe(true);
  });

  it("answers a list question with the whole enumeration", async () => {
    const r = await ask("韩世春提出的“三个统筹”包括哪些？");
    expect(r.questionType).toBe("list");
    for (const item of ["统筹经济发展与工会工作", "统筹就业优先与权益维护", "统筹维权与服务"]) expect(r.answer).toContain(item);
  });

  it.each([
    ["通州区康复临床技能竞赛一等奖的奖金是多少？", "奖金"],
    ["石景山区总工会的年度预算是多少？", "预算"],
    ["陶然亭街道总工会送出的礼品总价值是多少？", ""],
    ["丰台区总工会党组书记是谁？", ""],
    ["北京市总工会共有多少名会员？", ""],
  ])("refuses %s, which the articles cannot answer", async (q, missing) => {
    const r = await ask(q);
    expect(r.answerable).toBe(false);
    expect(r.answer).toMatch(/^现有文章中没有/);
    if (missing) expect(r.answer).toContain(missing);
  });

  it("reports disagreeing sources and cites each", async () => {
    const r = await ask("密云区总工会主席是谁？");
    expect(r.answer).toMatch(/说法不一：赵秦岭\[\d\]；赵秦玲\[\d\]/);
    expect(new Set(r.citations.map((c) => c.articleId)).size).toBe(2);
  });

  it("answers a follow-up about the earlier subject and returns the standalone question", async () => {
    const r = await ask("那二等奖评出了几名？", [{ role: "user", content: "通州区康复临床技能竞赛一等奖评出了几名？" }]);
    expect(r.rewrittenQuestion).toBe("通州区康复临床技能竞赛二等奖评出了几名？");
    expect(r.answer.split("\n")[0]).toBe("二等奖3名[1]。");
  });

  it("answers an English question from the Chinese text, in an English frame", async () => {
    const r = await ask("How many second prizes were awarded in the Tongzhou rehabilitation skills competition?");
    expect(r.answer.split("\n")[0]).toBe("二等奖3名[1].");
    const no = await ask("What is the annual budget of the Shijingshan trade union?");
    expect(no.answerable).toBe(false);
    expect(no.answer).toMatch(/^The articles do not contain/);
  });

  it("keeps every claim of every answer inside the passage it cites (whole eval set)", async () => {
    const lines = (await readFile("eval/questions.jsonl", "utf8")).split("\n").filter(Boolean);
    let checked = 0;
    for (const line of lines) {
      const q = JSON.parse(line) as { question: string; history?: { role: "user" | "assistant"; content: string }[] };
      const r = await ask(q.question, q.history);
      if (!r.answerable) continue;
      checked++;
      expect(citationViolations(r.answer, r.citations), `${q.question}\n${r.answer}`).toEqual([]);
      for (const c of r.citations) for (const line of c.quote?.split("\n") ?? []) expect(c.text).toContain(line);
    }
    expect(checked).toBeGreaterThan(80);
  });

  it("flags an answer sentence that states what its passage does not", () => {
    const cites = [{ n: 1, articleId: "a", articleTitle: "t", sectionId: "s", heading: "h", text: "共评选出一等奖2名、二等奖3名。", score: 1 }];
    expect(citationViolations("二等奖3名[1]。", cites)).toEqual([]);
    expect(citationViolations("二等奖4名[1]。", cites)[0]!.reason).toMatch(/not in the cited text/);
    expect(citationViolations("二等奖3名。", cites)[0]!.reason).toBe("no citation marker");
    expect(citationViolations("二等奖3名[2]。", cites)[0]!.reason).toBe("marker points to no citation");
  });
});
