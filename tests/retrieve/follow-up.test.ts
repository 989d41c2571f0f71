// Follow-up rewriting: elliptical and pronoun-led questions get the subject of earlier turns.

import { describe, expect, it } from "vitest";
import { isFollowUp, rewriteFollowUp } from "../../src/retrieve/follow-up.js";

const user = (content: string) => ({ role: "user" as const, content });

describe("follow-up rewriting", () => {
  it("asks the same question about another thing for 「X呢？」", () => {
    expect(rewriteFollowUp("暖心驿站呢？", [user("东城区累计建成了多少个职工之家？")])).toBe("东城区累计建成了多少个暖心驿站？");
  });

  it("carries the subject into a question led by 那", () => {
    expect(rewriteFollowUp("那二等奖评出了几名？", [user("通州区康复临床技能竞赛一等奖有几名？")])).toBe("通州区康复临床技能竞赛二等奖评出了几名？");
  });

  it("keeps the subject along a chain of follow-ups", () => {
    const h = [user("通州区康复临床技能竞赛一等奖有几名？"), user("那二等奖评出了几名？")];
    expect(rewriteFollowUp("三等奖呢？", h)).toBe("通州区康复临床技能竞赛三等奖评出了几名？");
  });

  it("replaces 他/她 with the person the last answer named", () => {
    const h = [user("北京市总工会党组书记是谁？"), { role: "assistant" as const, content: "张良[1]。\n北京市总工会党组书记、副主席 张良[1]。" }];
    expect(rewriteFollowUp("他提到重点抓了哪几件大事？", h)).toBe("张良提到重点抓了哪几件大事？");
  });

  it("leaves a question that stands alone as it is, history or not", () => {
    expect(rewriteFollowUp("昌平区总工会主席是谁？", [user("东城区累计建成了多少个职工之家？")])).toBe("昌平区总工会主席是谁？");
    expect(rewriteFollowUp("暖心驿站呢？", [])).toBe("暖心驿站呢？");
    expect(isFollowUp("密云区委书记是谁？")).toBe(false);
    expect(isFollowUp("区长呢？")).toBe(true);
  });
});
