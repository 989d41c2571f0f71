// The parser on the five real articles: titles, sections, speakers, metadata, repaired sentences.

import { describe, expect, it } from "vitest";
import { LEAD_HEADING } from "../../src/index/parse-article.js";
import { allRealArticles, IDS, realArticle } from "../helpers/corpus.js";

describe("parsing the default corpus", () => {
  it("reads the exact titles, with 001's title taken from its first line", async () => {
    const titles = Object.fromEntries((await allRealArticles()).map((a) => [a.id, a.title]));
    expect(titles).toEqual({
      [IDS.districts]: "牢记使命 团结凝聚首都广大职工奋进新征程",
      [IDS.chairs]: "以学习贯彻习近平总书记重要指示精神为有力契机和强大动力 团结凝聚广大职工在新征程上再立新功",
      [IDS.page1]: "深入学习贯彻党的二十大精神 奋力开拓首都工会工作新局面",
      [IDS.page2]: "深入学习贯彻党的二十大精神 奋力开拓首都工会工作新局面",
      [IDS.speeches]: "全面贯彻落实党的二十大精神 奋力开创首都工运事业和工会工作新局面",
    });
  });

  it("gives 000 the nine district unions as sections, each with its sub-heading in the path", async () => {
    const a = await realArticle(IDS.districts);
    expect(a.subtitle).toBe("全市各区工会认真学习党的二十大报告(下)");
    expect(a.byline).toMatch(/^□本报记者 张晶/);
    expect(a.sections.map((s) => s.headingPath[0])).toEqual([
      "通州区总工会", "顺义区总工会", "昌平区总工会", "大兴区总工会", "平谷区总工会",
      "怀柔区总工会", "密云区总工会", "延庆区总工会", "经开区总工会",
    ]);
    expect(a.sections[0]!.heading).toBe("通州区总工会 / 坚持党建引领，推动工会工作创新发展");
    expect(a.sections[4]!.headingPath).toEqual(["平谷区总工会"]);
  });

  it("treats 000's trailing bodiless headings as pull quotes, not sections", async () => {
    const a = await realArticle(IDS.districts);
    expect(a.pullQuotes).toContain("把学习党的二十大精神作为当前首要政治任务");
    expect(a.pullQuotes).toHaveLength(5);
    expect(a.sections.some((s) => s.heading.includes("凝聚职工干事创业立新功"))).toBe(false);
  });

  it("splits 001 into its lead plus 17 speaker sections, each carrying position and name", async () => {
    const a = await realArticle(IDS.chairs);
    expect(a.subtitle).toBe("全市各区总工会主席畅谈学习习近平总书记五一重要指示精神体会");
    expect(a.sections).toHaveLength(18);
    expect(a.sections[0]!.heading).toBe(LEAD_HEADING);
    expect(a.sections[0]!.speaker).toBeUndefined();
    const speakers = a.sections.slice(1);
    expect(speakers.every((s) => s.speaker && s.speakerName)).toBe(true);
    expect(speakers[0]).toMatchObject({
      heading: "团结动员广大职工勇当主力军",
      speaker: "东城区人大常委会党组副书记、副主任，区总工会主席 吕德成",
      speakerName: "吕德成",
    });
    expect(speakers.map((s) => s.speakerName)).toEqual([
      "吕德成", "陈振海", "张克斌", "李卫华", "王振华", "高洪雁", "李伟", "齐文东", "高祖国",
      "张晓辉", "刘长永", "李达", "周福刚", "付训生", "赵秦玲", "贺常荣", "安春玲",
    ]);
  });

  it("finds 002's seven stories and keeps datelines and photo credits out of the text", async () => {
    const a = await realArticle(IDS.page1);
    expect(a.sections.map((s) => s.heading)).toEqual([
      "密云区工会第二次代表大会召开", "石景山举办劳模先进事迹宣讲活动", "国家大剧院公益演出慰问市水务局女职工",
      "通州区康复临床技能竞赛决赛举行", "女干警学茶艺", "陶然亭街道总工会400份礼品送一线女工", "同舟公司工会推进志愿服务常态化",
    ]);
    expect(a.sections[0]!.dateline).toBe("本报讯（记者 王路曼）");
    expect(a.sections[0]!.text.startsWith("近日，密云区工会第二次代表大会召开。")).toBe(true);
    expect(a.sections[4]!.credits).toEqual(["本报记者 盛丽 通讯员 王玫 摄影报道"]);
    for (const s of a.sections) expect(s.text).not.toMatch(/本报讯|摄影报道/);
  });

  it("finds 003's five stories: a ### story with a dateline restarts the heading path; the bold banner is no section", async () => {
    const a = await realArticle(IDS.page2);
    expect(a.sections.map((s) => s.heading)).toEqual([
      "大兴区各级工会认真学习贯彻中国工会十八大精神 / 推动中国工会十八大精神入脑入心",
      "小米工会组织开展学习中国工会十八大精神分享会",
      "经开区总工会举办劳模疗休养活动",
      "北京市金融工会开展职工健步走活动",
      "东城区总工会举办新世界公共区域职工之家揭牌仪式 崇文门商圈职工有了贴心小“家”",
    ]);
    expect(a.banners).toEqual(["深入学习贯彻中国工会十八大精神 奋力谱写首都工运事业崭新篇章"]);
    expect(a.sections[4]!.credits).toEqual(["本报记者 于佳 摄"]);
  });

  it("splits 004 into its lead plus nine speeches, each with its speaker", async () => {
    const a = await realArticle(IDS.speeches);
    expect(a.sections).toHaveLength(10);
    expect(a.sections[0]!.heading).toBe(LEAD_HEADING);
    expect(a.sections.slice(1).map((s) => s.speakerName)).toEqual([
      "张良", "潘建新", "王敬东", "刘晓光", "韩世春", "赵丽君", "王彦", "蒋文云", "司建",
    ]);
    expect(a.sections[1]!.speaker).toBe("北京市总工会党组书记、副主席 张良");
    expect(a.sections[1]!.text.startsWith("2022年是党的二十大召开之年")).toBe(true);
  });

  it("rejoins sentences cut by page layout", async () => {
    const text = (await allRealArticles()).flatMap((a) => a.sections.map((s) => s.text)).join("\n");
    for (const whole of [
      "把学习宣传贯彻党的二十大精神作为首要政治任务",
      "深刻变化。”顺义区总工会党组书记赵洪涛在看完开幕会后表示",
      "对大会的召开表示热烈祝贺，向长期以来关心",
      "加强职工思想政治引领；二是圆满完成北京冬奥会",
      "会后，大兴区各级工会掀起学习宣传贯彻中国工会十八大精神热潮。",
      "“9元吃饱”优惠就餐、应急修车等。",
    ])
      expect(text).toContain(whole);
  });

  it("keeps a sentence printed three times in 001's 密云区 block only once", async () => {
    const a = await realArticle(IDS.chairs);
    const miyun = a.sections.find((s) => s.speakerName === "赵秦玲")!;
    const sentence = "要不断深化工会改革和建设，加快构建联系广泛、服务职工的工会工作体系";
    expect(miyun.text.split(sentence)).toHaveLength(2);
  });

  it("survives the text lost in 000's 密云区 section", async () => {
    const a = await realArticle(IDS.districts);
    const miyun = a.sections.find((s) => s.headingPath[0] === "密云区总工会")!;
    expect(miyun.text).toContain("学习相结合的方式，开展了专题学习。");
    expect(miyun.text).toContain("赵秦岭说");
  });

  it("leaves no section without text and no metadata line in body text", async () => {
    for (const a of await allRealArticles()) {
      for (const s of a.sections) {
        expect(s.text.trim().length).toBeGreaterThan(0);
        expect(s.text).not.toMatch(/^□|本报记者 \S+ 摄/m);
        expect(s.text.split("\n").every((p) => p.trim().length > 0)).toBe(true);
      }
    }
  });
});
