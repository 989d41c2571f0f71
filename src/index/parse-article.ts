// Parses one article (markdown or plain text in this paper's styles) into title, metadata and sections.

import { toBlocks, type Block } from "./blocks.js";
import { endsSentence } from "./cjk-text.js";
import {
  isByline,
  isHeadlineLine,
  isPhotoCredit,
  isSubtitle,
  parseSpeakerLine,
  splitDateline,
} from "./metadata-lines.js";
import { repairParagraphs } from "./repair.js";
import type { Article, Section } from "./types.js";

/** Heading given to the lead paragraph(s) before the first heading or speaker. */
export const LEAD_HEADING = "导语";

interface OpenHeading {
  level: number;
  text: string;
  /** Number of sections created before this heading was seen. */
  epoch: number;
}

interface Draft {
  headingPath: string[];
  speaker?: string;
  speakerName?: string;
  dateline?: string;
  credits: string[];
  paragraphs: string[];
}

/** Takes the title (and subtitle) off the front of the blocks. */
function takeTitle(id: string, blocks: Block[]): { title: string; subtitle?: string; rest: Block[] } {
  let rest = blocks;
  let title = id;
  const h1 = rest.findIndex((b) => b.kind === "heading" && b.level === 1);
  const first = rest[0];
  if (h1 >= 0) {
    title = (rest[h1] as { text: string }).text;
    rest = [...rest.slice(0, h1), ...rest.slice(h1 + 1)];
  } else if (first && first.kind !== "banner" && first.text.length <= 100 && !endsSentence(first.text)) {
    if (first.kind === "heading" || !isSubtitle(first.text)) {
      title = first.text;
      rest = rest.slice(1);
    }
  }
  let subtitle: string | undefined;
  const sub = rest.findIndex((b) => b.kind !== "banner" && isSubtitle(b.text));
  // A subtitle sits right under the title, before any body text.
  if (sub >= 0 && sub <= 2 && rest.slice(0, sub).every((b) => b.kind !== "heading")) {
    subtitle = (rest[sub] as { text: string }).text.replace(/^[—─-]+/, "").trim();
    rest = [...rest.slice(0, sub), ...rest.slice(sub + 1)];
  }
  return { title, subtitle, rest };
}

/**
 * Builds an {@link Article} from raw text. Sections come from markdown headings (a run of
 * headings with no body between them is one heading path), from speaker blocks in unmarked
 * speech digests, and from the lead. A story that opens with a dateline (本报讯…) starts
 * afresh even when its heading sits under an earlier story's heading.
 *
 * @example
 * const a = parseArticle("002_x", await readFile(path, "utf8"));
 * a.sections.map((s) => s.heading);
 */
export function parseArticle(id: string, raw: string): Article {
  const { title, subtitle, rest } = takeTitle(id, toBlocks(raw));
  const article: Article = { id, title, sections: [] };
  if (subtitle) article.subtitle = subtitle;
  const banners: string[] = [];
  const headingsSeen: string[] = [];
  const drafts: Draft[] = [];
  const stack: OpenHeading[] = [];
  let current: Draft | undefined;
  let pendingSpeaker: ReturnType<typeof parseSpeakerLine>;
  let pendingHeadline: string | undefined;

  const runHeadings = () => stack.filter((h) => h.epoch === drafts.length);

  for (const block of rest) {
    if (block.kind === "banner") {
      banners.push(block.text);
      continue;
    }
    if (block.kind === "heading") {
      current = undefined;
      pendingSpeaker = undefined;
      pendingHeadline = undefined;
      while (stack.length && stack[stack.length - 1]!.level >= block.level) stack.pop();
      stack.push({ level: block.level, text: block.text, epoch: drafts.length });
      headingsSeen.push(block.text);
      continue;
    }
    const p = block.text;
    if (isPhotoCredit(p)) {
      (current ?? drafts[drafts.length - 1])?.credits.push(p);
      continue;
    }
    if (isByline(p)) {
      if (!article.byline) article.byline = p;
      continue;
    }
    const speaker = parseSpeakerLine(p);
    if (speaker) {
      if (current?.paragraphs.length) current = undefined;
      pendingSpeaker = speaker;
      pendingHeadline = undefined;
      continue;
    }
    if (pendingSpeaker && !pendingHeadline && !current && runHeadings().length === 0 && isHeadlineLine(p)) {
      pendingHeadline = p;
      continue;
    }
    if (!current) {
      const { dateline, rest: body } = splitDateline(p);
      let headingPath: string[];
      if (pendingHeadline) headingPath = [...stack.map((h) => h.text), pendingHeadline];
      else if (stack.length) {
        const fresh = runHeadings();
        headingPath = (dateline && fresh.length ? fresh : stack).map((h) => h.text);
      } else headingPath = [pendingSpeaker?.name ?? LEAD_HEADING];
      current = { headingPath, credits: [], paragraphs: [] };
      if (pendingSpeaker) {
        current.speaker = pendingSpeaker.speaker;
        current.speakerName = pendingSpeaker.name;
      }
      if (dateline) current.dateline = dateline;
      drafts.push(current);
      pendingSpeaker = undefined;
      pendingHeadline = undefined;
      if (body.trim()) current.paragraphs.push(body.trim());
      continue;
    }
    current.paragraphs.push(p);
  }

  for (const d of drafts) {
    const paragraphs = repairParagraphs(d.paragraphs);
    if (!paragraphs.length) continue;
    const n = article.sections.length + 1;
    const section: Section = {
      id: `${id}-s${n}`,
      heading: d.headingPath.join(" / "),
      headingPath: d.headingPath,
      text: paragraphs.join("\n"),
    };
    if (d.speaker) section.speaker = d.speaker;
    if (d.speakerName) section.speakerName = d.speakerName;
    if (d.dateline) section.dateline = d.dateline;
    if (d.credits.length) section.credits = d.credits;
    article.sections.push(section);
  }
  const used = new Set(article.sections.flatMap((s) => s.headingPath));
  const pullQuotes = headingsSeen.filter((h) => !used.has(h));
  if (pullQuotes.length) article.pullQuotes = pullQuotes;
  if (banners.length) article.banners = banners;
  return article;
}
