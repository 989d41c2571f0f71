// Tokenisation for search: jieba words (search mode), CJK character bigrams, Latin words and numbers.

import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { DOMAIN_DICT } from "./domain-dict.js";

let jieba: Jieba | undefined;

/** The shared jieba instance: its built-in dictionary plus the domain words (loaded once, ~0.3 s). */
export function getJieba(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(DOMAIN_DICT);
  }
  return jieba;
}

/**
 * Function words and question fillers that carry no topic. Kept short on purpose: BM25's IDF
 * already discounts common words, and over-eager lists drop real content (e.g. 会 in 工会).
 */
export const STOPWORDS = new Set(
  (
    "的 了 和 与 及 或 是 在 对 把 被 也 都 而 并 将 要 以 于 为 之 其 这 那 个 有 中 上 下 等 " +
    "我 我们 你 你们 他 他们 她 它 该 此 各 每 又 还 就 但 则 由 从 向 到 给 让 着 过 得 地 " +
    "吗 呢 吧 啊 呀 么 请问 请 什么 哪些 哪个 哪 谁 几 多少 怎么 怎样 如何 为什么 是否 是不是 " +
    "the a an of in on at to for and or is are was were be been what which who whom when where why how " +
    "did does do many much please tell me about with by from that this these those it its as"
  ).split(/\s+/),
);

const PUNCT_OR_SPACE = /^[\s\p{P}\p{S}]+$/u;

/** Lower-cased words of the text as jieba cuts them (search mode splits long words further). */
export function words(text: string, searchMode = true): string[] {
  const j = getJieba();
  const raw = searchMode ? j.cutForSearch(text, true) : j.cut(text, true);
  const out: string[] = [];
  for (const w of raw) {
    const t = w.trim().toLowerCase();
    if (!t || PUNCT_OR_SPACE.test(t) || STOPWORDS.has(t)) continue;
    out.push(t);
  }
  return out;
}

/** Character bigrams inside runs of Han characters, so recall survives segmentation errors. */
export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/**
 * Terms indexed by BM25: jieba words plus bigrams prefixed with "\u0002" so a two-character
 * word and the same bigram are counted as different evidence.
 */
export function searchTerms(text: string): string[] {
  const terms = words(text);
  for (const b of hanBigrams(text)) terms.push("\u0002" + b);
  return terms;
}
