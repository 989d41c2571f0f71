// Shared shapes of the parsed corpus: articles, sections and chunks.

/** A section of an article: one story, one speech, one district report, or the lead. */
export interface Section {
  /** Stable id, `${articleId}-s${n}`. */
  id: string;
  /** Heading path joined by " / ". */
  heading: string;
  headingPath: string[];
  /** Speaker line (position and name), for speech digests. */
  speaker?: string;
  speakerName?: string;
  /** Dateline stripped from the first paragraph, e.g. `本报讯（记者 孙艳）`. */
  dateline?: string;
  /** Photo credits found inside the section, kept as metadata. */
  credits?: string[];
  /** Paragraphs after layout repair, joined by "\n" (so `text.split("\n")` gives them back). */
  text: string;
}

export interface Article {
  /** File name without extension. */
  id: string;
  title: string;
  subtitle?: string;
  byline?: string;
  /** Bold banner lines that head a group of stories; not sections. */
  banners?: string[];
  /** Bodiless trailing headings (pull quotes); not sections. */
  pullQuotes?: string[];
  sections: Section[];
}

/** A retrievable unit: a section, or a sentence-aligned slice of a long one. */
export interface Chunk {
  /** Stable id, `${sectionId}-c${k}`. */
  id: string;
  articleId: string;
  articleTitle: string;
  sectionId: string;
  heading: string;
  headingPath: string[];
  speaker?: string;
  /** Index in the section's paragraphs where the chunk starts. */
  paragraphIndex: number;
  /** Character offsets of `text` inside the section's `text`. */
  start: number;
  end: number;
  text: string;
}
