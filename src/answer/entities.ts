// Lifts typed answers verbatim from a sentence: numbers with units, person names, dates, places.

const DIGITS = "[0-9０-９]+(?:\\.[0-9]+)?|[一二三四五六七八九十百千万两〇零]+";
const UNITS = "万元|亿元|余人|多人|个|名|位|家|人|项|次|期|天|年|月|条|届|所|座|场|批|件|种|支|队|套|份|元|%|％|公里|小时|分钟";
const NUMBER = new RegExp(`(近|约|共|超过|累计)?(${DIGITS})(余|多)?(${UNITS})`, "gu");

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface NumberSpan extends Span {
  unit: string;
}

/** Counts with their units (`65个`, `200余名`, `近40人`); ordinals (第二次) and dates are not counts. */
export function numberSpans(s: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const m of s.matchAll(NUMBER)) {
    const start = m.index!;
    if (s[start - 1] === "第") continue;
    // 一场交流座谈会, 一个时期: "one" is an article here, not a count.
    if (m[2] === "一" && !m[1] && !m[3]) continue;
    const unit = m[4]!;
    const after = s.slice(start + m[0].length, start + m[0].length + 1);
    // 10月17日, 2023年秋季: date parts, not counts.
    if ((unit === "年" || unit === "月") && /[0-9一二三四五六七八九十]|[春夏秋冬上下度]/.test(after)) continue;
    if (unit === "月" && after === "的") continue;
    out.push({ text: m[0], start, end: start + m[0].length, unit: unit.replace(/^[余多]/, "") });
  }
  return out;
}

const DATE = /((19|20)\d{2}年)?(\d{1,2}月)?\d{1,2}日(上午|下午|晚上|当天)?|(19|20)\d{2}年(\d{1,2}月)?|\d{1,2}月\d{1,2}日|近日|日前|当天/gu;

export function dateSpans(s: string): Span[] {
  return [...s.matchAll(DATE)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
}

const TITLE = "常务副主席|副主席|主席|党组书记|党组副书记|副书记|书记|副主任|主任|组长|部长|局长|负责人|院长|会长|经理|委员|技师|劳动模范|劳模|大工匠|区长|主编|记者";
const AFTER_NAME = "$|\\n|表示|说|指出|在|与|代表|带领|分享|告诉|以|等|介绍|强调|要求|作|向|对|同志|出席|参加|、|，|。|）";
const TITLED_NAME = new RegExp(`(${TITLE})[，、\\s]?(\\p{Script=Han}{2,3}?)(?=${AFTER_NAME})`, "gu");
const COMRADE = /(\p{Script=Han}{2,3}?)同志/gu;
const TITLE_WORD = new RegExp(`(${TITLE})`, "gu");
/** A "name" that is really a title or a function word: 副主任 in 副书记、副主任，… */
const NOT_A_NAME = /^(和|及|与|等|们|的|为|是|在)|(主任|主席|书记|委员|组长|部长|局长|经理|成员|代表|区长)$|^副/;

export interface NameSpan extends Span {
  /** The title right before the name. */
  title: string;
  /** Every title in the role that introduces the name (党组书记、副主席 → both), nearest last. */
  titles: string[];
  /** The whole role text before the name, back to the previous comma or sentence start. */
  role: string;
}

/** The role text that introduces a name ending at `at`: back to the previous ，。；: or line start. */
function roleBefore(s: string, at: number): string {
  const from = Math.max(s.lastIndexOf("，", at - 1), s.lastIndexOf("。", at - 1), s.lastIndexOf("；", at - 1), s.lastIndexOf("\n", at - 1), s.lastIndexOf("：", at - 1));
  return s.slice(from + 1, at).trim().replace(/^(会上|近日|日前|其中|此外)/, "");
}

/** Person names introduced by a title (`常务副主席关平表示`, `主席 吕德成`) or followed by 同志 (`蔡奇同志`). */
export function nameSpans(s: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of s.matchAll(TITLED_NAME)) {
    const name = m[2]!;
    const start = m.index! + m[0].length - name.length;
    if (NOT_A_NAME.test(name)) continue;
    const role = roleBefore(s, start).replace(/[，、\s]+$/, "");
    const titles = [...role.matchAll(TITLE_WORD)].map((t) => t[1]!);
    out.push({ text: name, start, end: start + name.length, title: m[1]!, titles: titles.length ? titles : [m[1]!], role });
  }
  for (const m of s.matchAll(COMRADE)) {
    const name = m[1]!;
    if (NOT_A_NAME.test(name) || out.some((o) => o.start === m.index)) continue;
    out.push({ text: name, start: m.index!, end: m.index! + name.length, title: "同志", titles: [], role: "" });
  }
  return out.sort((a, b) => a.start - b.start);
}

const PLACES = [
  /(?:在|于)([\p{Script=Han}（）]{2,18}?)(?=举行|举办|开演|召开|开展|组织|参观|入驻|设|进行|，|。)/gu,
  /(?:赴|前往|走进|来到|走访|落地)([\p{Script=Han}（）]{2,12}?)(?=的|，|。|参观|开展|举行|入驻)/gu,
];

export function placeSpans(s: string): Span[] {
  return PLACES.flatMap((re) =>
    [...s.matchAll(re)].map((m) => {
      const start = m.index! + m[0].length - m[1]!.length;
      return { text: m[1]!, start, end: start + m[1]!.length };
    }),
  ).sort((a, b) => a.start - b.start);
}

const ORG = /([\p{Script=Han}（）]{2,24}?(?:总工会|工会|公司|集团|医院|银行|分行|大学|法院|委员会|局|管理处|中心|协会))(主办|承办|协办|举办|组织|开展|邀请)/gu;

export interface OrgSpan extends Span {
  /** What the organisation does here: 主办, 承办 … */
  verb: string;
}

/** Organisations doing something (中国农业银行北京市分行工会承办): answers to 哪个单位 questions. */
export function orgSpans(s: string): OrgSpan[] {
  return [...s.matchAll(ORG)].map((m) => {
    const text = m[1]!.replace(/^.*?由/, "");
    const start = m.index! + m[1]!.length - text.length;
    return { text, start, end: start + text.length, verb: m[2]! };
  });
}

/** The role of a named person (北京市总工会党组副书记、副主席 for 潘建新), when a sentence gives one. */
export function roleSpans(s: string, people: string[]): Span[] {
  return nameSpans(s)
    .filter((n) => n.role && people.some((p) => p === n.text || n.text.startsWith(p)))
    .map((n) => {
      const start = s.lastIndexOf(n.role, n.start);
      return { text: n.role, start, end: start + n.role.length };
    });
}
