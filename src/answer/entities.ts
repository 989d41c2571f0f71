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

const TITLE = "常务副主席|副主席|主席|党组书记|副书记|书记|副主任|主任|组长|部长|局长|负责人|院长|会长|经理|委员|技师|劳动模范|劳模|大工匠|区长|主编|记者";
const AFTER_NAME = "$|\\n|表示|说|指出|在|与|代表|带领|分享|告诉|以|等|介绍|强调|要求|作|向|对|同志|出席|参加|、|，|。|）";
const TITLED_NAME = new RegExp(`(${TITLE})[，、\\s]?(\\p{Script=Han}{2,3}?)(?=${AFTER_NAME})`, "gu");

export interface NameSpan extends Span {
  title: string;
}

/** Person names introduced by a title (`常务副主席关平表示`, `主席 吕德成`). */
export function nameSpans(s: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (const m of s.matchAll(TITLED_NAME)) {
    const name = m[2]!;
    const start = m.index! + m[0].length - name.length;
    if (/^(和|及|与|等|们|的|为|是|在)/.test(name)) continue;
    out.push({ text: name, start, end: start + name.length, title: m[1]! });
  }
  return out;
}

const PLACE = /(?:在|于|赴|走进|来到|走访|前往)([\p{Script=Han}（）]{2,18}?)(?=举行|举办|开演|召开|开展|组织|参观|入驻|设|进行|，|。)/gu;

export function placeSpans(s: string): Span[] {
  return [...s.matchAll(PLACE)].map((m) => {
    const start = m.index! + m[0].length - m[1]!.length;
    return { text: m[1]!, start, end: start + m[1]!.length };
  });
}
