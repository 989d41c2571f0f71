// Parsing rules on small made-up articles in this paper's styles.

import { describe, expect, it } from "vitest";
import { LEAD_HEADING, parseArticle } from "../../src/index/parse-article.js";
import { rejoinCutParagraphs } from "../../src/index/repair.js";

describe("parsing made-up articles", () => {
  it("indexes a plain file with no structure as one section titled by its id", () => {
    const a = parseArticle("note", "今天天气很好。我们去公园散步了。\n\n下午又下了一场雨。");
    expect(a.title).toBe("note");
    expect(a.sections).toHaveLength(1);
    expect(a.sections[0]).toMatchObject({ heading: LEAD_HEADING, text: "今天天气很好。我们去公园散步了。\n下午又下了一场雨。" });
  });

  it("builds heading paths from levels 1–4 and a —— subtitle", () => {
    const a = parseArticle(
      "x",
      "# 总标题\n\n## ——副标题在这里\n\n### 朝阳区总工会\n\n#### 建设有为工会\n\n朝阳区总工会开展了活动。\n\n### 海淀区总工会\n\n海淀区总工会也开展了活动。",
    );
    expect(a.title).toBe("总标题");
    expect(a.subtitle).toBe("副标题在这里");
    expect(a.sections.map((s) => s.headingPath)).toEqual([["朝阳区总工会", "建设有为工会"], ["海淀区总工会"]]);
  });

  it("keeps a sub-section under its parent when no dateline starts a new story", () => {
    const a = parseArticle("x", "# T\n\n## 第一部分\n\n总体情况如下。\n\n### 细节\n\n细节内容如下。");
    expect(a.sections.map((s) => s.heading)).toEqual(["第一部分", "第一部分 / 细节"]);
  });

  it("starts a new story at a dateline even under an earlier story's heading, and strips the dateline", () => {
    const a = parseArticle(
      "x",
      "# 版面\n\n## 甲区工会开会\n\n本报讯（记者 张三）近日，甲区工会开会。\n\n### 乙公司工会办活动\n\n本报讯（记者 李四 通讯员 王五）近日，乙公司工会办活动。",
    );
    expect(a.sections.map((s) => s.heading)).toEqual(["甲区工会开会", "乙公司工会办活动"]);
    expect(a.sections[1]!.dateline).toBe("本报讯（记者 李四 通讯员 王五）");
    expect(a.sections[1]!.text).toBe("近日，乙公司工会办活动。");
  });

  it("treats a bold line as a banner and trailing bodiless headings as pull quotes", () => {
    const a = parseArticle("x", "# T\n\n## 故事\n\n正文一句。\n\n**横幅标语**\n\n### 引语一\n\n### 引语二");
    expect(a.sections).toHaveLength(1);
    expect(a.banners).toEqual(["横幅标语"]);
    expect(a.pullQuotes).toEqual(["引语一", "引语二"]);
  });

  it("reads unmarked speaker blocks: speaker line, headline line, body", () => {
    const a = parseArticle(
      "x",
      "某某文章标题\n\n——副标题\n\n□本报记者 张三\n\n导语内容在这里。\n\n\n\n某区人大常委会副主任，区总工会主席 王小明\n\n团结职工建功立业\n\n我们要团结职工。\n\n\n\n某区总工会主席 李红\n\n服务职工\n\n我们要服务职工。",
    );
    expect(a.title).toBe("某某文章标题");
    expect(a.byline).toBe("□本报记者 张三");
    expect(a.sections.map((s) => [s.heading, s.speakerName ?? ""])).toEqual([
      [LEAD_HEADING, ""],
      ["团结职工建功立业", "王小明"],
      ["服务职工", "李红"],
    ]);
    expect(a.sections[1]!.speaker).toBe("某区人大常委会副主任，区总工会主席 王小明");
  });

  it("reads a speech digest: heading, speaker line, body", () => {
    const a = parseArticle("x", "# T\n\n导语。\n\n### 讲话标题\n\n北京市总工会党组成员、副主席 赵六\n\n讲话正文。");
    expect(a.sections[1]).toMatchObject({ heading: "讲话标题", speakerName: "赵六", text: "讲话正文。" });
  });

  it("keeps photo credits and bylines as metadata", () => {
    const a = parseArticle("x", "# T\n\n## 图片新闻\n\n近日，某单位举办活动。\n\n本报记者 于佳 摄");
    expect(a.sections[0]!.credits).toEqual(["本报记者 于佳 摄"]);
    expect(a.sections[0]!.text).toBe("近日，某单位举办活动。");
  });

  it("rejoins a paragraph cut mid-sentence, but not one that ends a sentence or a colon", () => {
    expect(rejoinCutParagraphs(["要把学习宣传贯彻党的二十", "大精神作为首要政治任务。", "主要有以下三点：", "第一，学习。"])).toEqual([
      "要把学习宣传贯彻党的二十大精神作为首要政治任务。",
      "主要有以下三点：",
      "第一，学习。",
    ]);
    expect(rejoinCutParagraphs(["“振奋人心。”顺", "义区总工会表示。"])).toEqual(["“振奋人心。”顺义区总工会表示。"]);
  });

  it("handles Latin text and CRLF line ends", () => {
    const a = parseArticle("en", "# Union news\r\n\r\nThe union met on Monday.\r\nIt elected a chair.\r\n");
    expect(a.title).toBe("Union news");
    expect(a.sections[0]!.text).toBe("The union met on Monday. It elected a chair.");
  });
});
