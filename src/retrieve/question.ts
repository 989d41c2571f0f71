// Question analysis: language, question type, fillers removed, content terms and the focus of the question.

import { getJieba, STOPWORDS } from "../index/tokenize.js";

export type QuestionType = "who" | "role" | "when" | "where" | "howMany" | "list" | "which" | "whyHow" | "what";
export type Lang = "zh" | "en";

export interface AnalyzedQuestion {
  original: string;
  /** The question with polite fillers and interrogatives removed: what retrieval searches for. */
  searchText: string;
  type: QuestionType;
  lang: Lang;
  /** Content words (jieba, lower-cased) in question order. */
  terms: string[];
  /** Content words next to the interrogative: what is asked about (奖金 in 奖金是多少). */
  focus: string[];
  /** Classifier asked for in 几名 / 多少个 (名, 个 …). */
  unit?: string;
  /** The question without leading fillers, and where its interrogative sits in it. */
  base: string;
  askedAt?: number;
  /** Place, organisation and person names among the terms: what the answer must be about. */
  entities: string[];
  /** Terms that are verbs: they weigh less, since an answer may say the same with another verb. */
  verbs: string[];
}

const FILLERS = /^(请问一下|请问|请告诉我|告诉我|我想知道|想问一下|想了解一下|麻烦问一下|你好|您好|那么|那|所以|还有)[，,：:\s]*/;
const CLASSIFIERS = "个名位家人项次期天年月条届所座场批件种支队套份元万亿";

/** Interrogative phrases per type, most specific first; they are removed from the search text. */
const ZH_TYPES: [QuestionType, RegExp][] = [
  ["role", /(担任|任|是)?(什么|何|哪些)(职务|职位|身份|头衔)|(的)?(职务|职位|身份)(是)?(什么)?/],
  ["list", /(有)?哪些|哪[几两三四五六七八九十]+[个项件方面条种类位名家大]?|都有什么|包括什么|包括哪|有什么(?=[\p{Script=Han}]{0,6}(活动|措施|工作|要求|举措|内容|特色|服务))/u],
  ["howMany", new RegExp(`多少[${CLASSIFIERS}]?|几[${CLASSIFIERS}]|(的)?(人数|数量|总数|数目)(是|有)?多少|有几`)],
  ["who", /是谁|谁|哪位|何人|什么人|叫什么名字|姓名/],
  ["when", /什么时候|何时|哪天|哪一天|几月几日|几号|哪年|何日|什么时间|日期是/],
  ["where", /在哪里|在哪儿|在哪|哪里|哪儿|什么地方|何地|何处|地点(是|在)?/],
  ["which", /哪个|哪家|哪一[个家项位]?|哪所/],
  ["whyHow", /为什么|为何|怎样|如何|怎么|什么意义|什么作用|原因/],
];
const ZH_GENERIC = /(是什么|指什么|是啥|什么|吗|呢|呀|啊|吧|么)(?=[？?。！!\s]*$)|[？?。！!]+$/g;

const EN_TYPES: [QuestionType, RegExp][] = [
  ["howMany", /\bhow (many|much)\b|\bnumber of\b/i],
  ["who", /\bwho(m|se)?\b/i],
  ["when", /\bwhen\b|\bwhat (date|day|time|year)\b/i],
  ["where", /\bwhere\b/i],
  ["list", /\bwhat (are|were) the\b|\blist\b|\bwhich (activities|measures|events)\b/i],
  ["which", /\bwhich\b/i],
  ["whyHow", /\bwhy\b|\bhow (did|does|do|is|are|was|were|can|will)\b/i],
];

export function detectLang(q: string): Lang {
  const han = (q.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (q.match(/[A-Za-z]/g) ?? []).length;
  return han === 0 && latin > 0 ? "en" : han * 3 >= latin ? "zh" : "en";
}

/** Interrogatives are never content, even where jieba glues them to a neighbour. */
const QUESTION_WORDS = new Set(["多少", "几", "谁", "哪", "哪些", "哪里", "哪个", "什么", "何时", "如何", "怎样", "为什么", "是否", "哪位", "哪天"]);
const ENTITY_TAGS = new Set(["ns", "nt", "nr", "nz", "nrt", "nrfg"]);
const ENTITY_SUFFIX = /^\p{Script=Han}{2,}(区|市|县|镇|乡|街道|公司|集团|医院|银行|大学|学院|工会|法院|剧院|委员会|管理处)$/u;

/** Nouns that only complete an interrogative (什么时候, 哪些地方) and say nothing about the topic. */
const GENERIC_FOCUS = new Set(["时候", "时间", "地方", "名字", "人", "内容", "方面", "东西", "单位", "部门", "机构", "职务", "职位", "身份"]);
const GENERIC_VERBS = new Set(["是", "有", "了", "在", "被", "为", "过", "共", "一共", "总共", "分别", "主要", "具体", "请", "问"]);

function contentWords(text: string): { word: string; tag: string }[] {
  return getJieba()
    .tag(text, true)
    // jieba's HMM sometimes glues a preposition to what follows (在讲话中): keep the content part.
    .map((t) => ({ word: t.word.trim().toLowerCase().replace(/^[在于从对把向跟](?=\p{Script=Han}{2})/u, "").replace(/中$/, (m, i) => (i >= 2 ? "" : m)), tag: t.tag }))
    .filter(
      ({ word }) =>
        word &&
        !/^[\s\p{P}\p{S}]+$/u.test(word) &&
        !/^(哪|谁|多少|几|什么|何)/.test(word) &&
        !STOPWORDS.has(word) &&
        !QUESTION_WORDS.has(word) &&
        !GENERIC_VERBS.has(word),
    );
}

/**
 * Analyses a question.
 * @example
 * analyzeQuestion("请问东城区累计建成了多少个职工之家？")
 * // { type: "howMany", unit: "个", focus: ["职工之家"], searchText: "东城区累计建成了 职工之家", … }
 */
export function analyzeQuestion(question: string): AnalyzedQuestion {
  const original = question.trim();
  const lang = detectLang(original);
  const base = original.replace(FILLERS, "");
  let text = base;
  let type: QuestionType = "what";
  let unit: string | undefined;
  let asked: { start: number; end: number } | undefined;
  for (const [t, re] of lang === "zh" ? ZH_TYPES : EN_TYPES) {
    const m = re.exec(text);
    if (!m) continue;
    type = t;
    asked = { start: m.index, end: m.index + m[0].length };
    if (t === "howMany") unit = /[几少]([个名位家人项次期天年月条届所座场批件种支队套份元万亿])/.exec(m[0])?.[1];
    if (lang === "zh") text = text.slice(0, m.index) + " " + text.slice(m.index + m[0].length);
    break;
  }
  if (lang === "zh") text = text.replace(ZH_GENERIC, " ");
  const searchText = text.replace(/\s+/g, " ").trim() || original;
  const tagged = lang === "zh" ? contentWords(searchText) : [];
  const terms = lang === "zh" ? tagged.map((t) => t.word).filter((w) => !GENERIC_FOCUS.has(w)) : englishWords(original);
  // Focus: nouns nearest the interrogative's position (after it first: 多少个[职工之家]; else before: [奖金]是多少).
  const focus: string[] = [];
  if (lang === "zh" && asked) {
    const nouns = (s: string) => contentWords(s).filter((t) => (t.tag.startsWith("n") || t.tag === "vn") && !GENERIC_FOCUS.has(t.word));
    const before = nouns(base.slice(0, asked.start));
    const after = nouns(base.slice(asked.end).replace(ZH_GENERIC, ""));
    const pick = after[0] ?? before.at(-1);
    if (pick) focus.push(pick.word);
  }
  const entities = tagged.filter((t) => ENTITY_TAGS.has(t.tag) || ENTITY_SUFFIX.test(t.word)).map((t) => t.word);
  // 潘建新担任什么职务: the person is what precedes the interrogative, however jieba cuts the name.
  if (type === "role" && asked) {
    const person = base.slice(0, asked.start).replace(/(的|担任|任|是|现任)+$/u, "").trim();
    if (/^\p{Script=Han}{2,4}$/u.test(person)) entities.push(person);
  }
  const verbs = tagged.filter((t) => t.tag.startsWith("v") && t.tag !== "vn").map((t) => t.word);
  const r: AnalyzedQuestion = { original, searchText, type, lang, terms, focus, base, entities, verbs };
  if (unit) r.unit = unit;
  if (asked) r.askedAt = asked.start;
  return r;
}

export const EN_STOP = new Set(
  "took part take taken held hold event events a an the of in on at to for and or is are was were be been being what which who whom whose when where why how many much did does do doing done has have had please tell me about with by from that this these those it its as there their they them he she his her we our you your i my can could would should will shall may might any some all each other into during after before than then so such not no yes said say says say".split(
    " ",
  ),
);

/** Lower-cased content words of an English question. */
export function englishWords(q: string): string[] {
  return (q.toLowerCase().match(/[a-z][a-z'-]*|\d+/g) ?? []).filter((w) => !EN_STOP.has(w));
}
