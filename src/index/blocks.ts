// Splits raw article text into blocks: headings, bold banners and paragraphs (blank-line separated).

export type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "banner"; text: string }
  | { kind: "paragraph"; text: string };

/** Normalises line ends, BOM, odd spaces; keeps the characters of the text otherwise untouched. */
export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u2002\u2003\u2009]/g, " ")
    .replace(/[\u200B\u200C\u200D\u2060]/g, "");
}

/**
 * Joins the lines of one paragraph: CJK lines join directly, Latin lines with a space, and a
 * markdown hard break (two trailing spaces) keeps a space so `本报记者 盛丽␠␠\n通讯员 王玫` stays readable.
 */
function joinLines(lines: string[]): string {
  let out = "";
  let spaceNext = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) out = line;
    else {
      const latin = /[A-Za-z0-9,.;:!?)]/.test(out[out.length - 1]!) && /[A-Za-z0-9(]/.test(line[0]!);
      out += latin || spaceNext ? " " + line : line;
    }
    spaceNext = /\s{2,}$/.test(raw);
  }
  return out;
}

export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) {
      const t = joinLines(para);
      if (t) blocks.push({ kind: "paragraph", text: t });
    }
    para = [];
  };
  for (const line of normalizeText(text).split("\n")) {
    const t = line.trim();
    if (!t) {
      flush();
      continue;
    }
    const h = /^(#{1,6})\s*(.*?)\s*#*$/.exec(t);
    if (h && h[2]) {
      flush();
      blocks.push({ kind: "heading", level: h[1]!.length, text: stripInlineMarks(h[2]) });
      continue;
    }
    const b = /^(\*\*|__)(.+)\1$/.exec(t);
    if (b) {
      flush();
      blocks.push({ kind: "banner", text: b[2]!.trim() });
      continue;
    }
    para.push(line);
  }
  flush();
  return blocks;
}

/** Removes markdown emphasis around a heading's text. */
function stripInlineMarks(s: string): string {
  return s.replace(/^(\*\*|__)(.*)\1$/, "$2").trim();
}
