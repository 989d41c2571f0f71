// Recognisers for the non-body lines of this paper: bylines, datelines, photo credits, speaker lines.

import { endsSentence } from "./cjk-text.js";

/** `□本报记者 张晶 赵思远 …` */
export function isByline(line: string): boolean {
  return /^[□■]/.test(line);
}

/** `本报记者 于佳 摄`, `本报记者 盛丽 通讯员 王玫 摄影报道`, `图/记者 某某` … */
export function isPhotoCredit(line: string): boolean {
  if (line.length > 60) return false;
  if (/[。！？]/.test(line)) return false;
  return (
    /^(本报)?(记者|通讯员|摄影|图)[\s\S]*?(摄|摄影报道|供图|摄影)$/.test(line) ||
    /^(图|摄影)[/／:：]/.test(line)
  );
}

const DATELINE = /^(本报讯|本报[\p{Script=Han}]{1,6}电|[\p{Script=Han}]{2,6}讯)\s*[（(][^）)]{0,60}[）)]\s*/u;

/** Splits `本报讯（记者 孙艳 通讯员 …）正文` into the dateline and the rest. */
export function splitDateline(paragraph: string): { dateline?: string; rest: string } {
  const m = DATELINE.exec(paragraph);
  if (!m) return { rest: paragraph };
  return { dateline: m[0].trim(), rest: paragraph.slice(m[0].length) };
}

const ROLE =
  /(主席|书记|主任|组长|部长|局长|委员|成员|经理|院长|会长|厂长|校长|处长|科长|秘书长|理事长|董事长|总裁|总监|负责人|区长|市长|主编|馆长|社长|所长)/;

/**
 * A speaker line: a position followed by a space and a 2–4 character name, e.g.
 * `东城区人大常委会党组副书记、副主任，区总工会主席 吕德成`. No sentence-final punctuation.
 */
export function parseSpeakerLine(line: string): { speaker: string; name: string; role: string } | undefined {
  if (line.length > 80 || /[。！？；]/.test(line)) return undefined;
  const m = /^(.+?)[\s\u3000]+([\p{Script=Han}·]{2,5})$/u.exec(line.trim());
  if (!m) return undefined;
  const role = m[1]!.trim();
  if (!ROLE.test(role)) return undefined;
  return { speaker: line.trim(), name: m[2]!, role };
}

/** A headline line in an unmarked article: short, one line, no sentence end. */
export function isHeadlineLine(line: string): boolean {
  return line.length > 0 && line.length <= 48 && !line.includes("\n") && !endsSentence(line);
}

/** `——全市各区工会…` subtitle lines. */
export function isSubtitle(line: string): boolean {
  return /^[—─-]{2}/.test(line);
}
