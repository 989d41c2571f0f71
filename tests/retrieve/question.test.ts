// Question analysis: fillers do not drive ranking; the question type, focus and unit are found.

import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/retrieve/question.js";

describe("question analysis", () => {
  it.each([
    ["东城区累计建成了多少个职工之家？", "howMany"],
    ["通州区康复临床技能竞赛一等奖评出了几名？", "howMany"],
    ["密云区总工会主席是谁？", "who"],
    ["昌平区总工会是什么时候学习二十大报告的？", "when"],
    ["国家大剧院公益演出在哪里开演？", "where"],
    ["石景山区邀请了哪些劳动模范？", "list"],
    ["经开区将搭建哪三大交流沟通平台？", "list"],
    ["健步走活动由哪个单位承办？", "which"],
    ["为什么要开展健步走活动？", "whyHow"],
    ["潘建新担任什么职务？", "role"],
    ["门头沟区的发展战略是什么？", "what"],
    ["How many second prizes were awarded?", "howMany"],
    ["Who is the chairman of the Xiaomi trade union?", "who"],
  ])("types %s as %s", (q, type) => {
    expect(analyzeQuestion(q).type).toBe(type);
  });

  it("drops polite fillers and interrogatives from what is searched", () => {
    const a = analyzeQuestion("请问东城区累计建成了多少个职工之家呢？");
    expect(a.searchText).not.toMatch(/请问|多少|呢|？/);
    expect(a.terms).toEqual(["东城区", "累计", "建成", "职工之家"]);
    expect(a.focus).toEqual(["职工之家"]);
    expect(a.unit).toBe("个");
  });

  it("finds the focus before the interrogative when nothing follows it", () => {
    expect(analyzeQuestion("通州区康复临床技能竞赛的奖金是多少？").focus).toEqual(["奖金"]);
    expect(analyzeQuestion("那二等奖评出了几名？")).toMatchObject({ focus: ["二等奖"], unit: "名" });
  });

  it("takes the person of a role question from the question itself", () => {
    expect(analyzeQuestion("司建担任什么职务？").entities).toContain("司建");
  });
});
