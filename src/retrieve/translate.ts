// Turns an English question's content words into Chinese search words through the CC-CEDICT lookup.

import type { Lexicon } from "./lexicon.js";
import { EN_STOP, englishWords } from "./question.js";

/** A phrase as it is looked up: lower case, function words dropped ("federation of trade unions" → "federation trade unions"). */
export function phraseKey(phrase: string): string {
  return phrase.toLowerCase().split(/\s+/).filter((w) => w && !EN_STOP.has(w)).join(" ");
}

/** Crude English lemmas, tried in order: prizes → prize, awarded → award, rehabilitation → rehabilitate. */
function variants(w: string): string[] {
  const v = [w];
  if (w.endsWith("ies")) v.push(w.slice(0, -3) + "y");
  if (w.endsWith("es")) v.push(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) v.push(w.slice(0, -1));
  if (w.endsWith("ed")) v.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith("ing")) v.push(w.slice(0, -3), w.slice(0, -3) + "e");
  if (w.endsWith("ation")) v.push(w.slice(0, -5) + "ate", w.slice(0, -5) + "e");
  if (w.endsWith("ion")) v.push(w.slice(0, -3), w.slice(0, -3) + "e");
  if (w.endsWith("er")) v.push(w.slice(0, -2));
  return v;
}

/**
 * Trade-union words CC-CEDICT lacks or glosses otherwise (it has no "second prize", and gives
 * 复健 rather than 康复 for rehabilitation); looked up before the dictionary.
 */
export const DOMAIN_GLOSSARY: Record<string, string[]> = {
  "first prize": ["一等奖"], "second prize": ["二等奖"], "third prize": ["三等奖"], "prize": ["奖"],
  "trade union": ["工会"], "union": ["工会"], "federation of trade unions": ["总工会"], "trade union federation": ["总工会"],
  "chairman": ["主席"], "chair": ["主席"], "chairwoman": ["主席"], "vice chairman": ["副主席"], "party secretary": ["党组书记"],
  "model worker": ["劳模", "劳动模范"], "craftsman": ["工匠"], "workers' home": ["职工之家"], "staff home": ["职工之家"],
  "home for workers": ["职工之家"], "warm station": ["暖心驿站"], "rest station": ["暖心驿站"], "service station": ["暖心驿站"],
  "walk": ["健步走"], "walking": ["健步走"], "hiking": ["健步走"], "recuperation": ["疗休养"], "convalescence": ["疗休养"],
  "sanatorium": ["疗养院"], "tea": ["茶艺"], "tea art": ["茶艺"], "female worker": ["女职工"], "women worker": ["女职工"],
  "rehabilitation": ["康复"], "skills competition": ["技能竞赛"], "skill competition": ["技能竞赛"], "competition": ["竞赛", "比赛"],
  "contest": ["竞赛"], "final": ["决赛"], "finalist": ["决赛"], "contestant": ["选手"], "participant": ["选手", "参加"],
  "development zone": ["经开区"], "economic development area": ["经开区"], "national centre for the performing arts": ["国家大剧院"],
  "national grand theatre": ["国家大剧院"], "opera": ["歌剧"], "gift": ["礼品"], "volunteer": ["志愿服务"], "employee": ["职工"],
  "charity performance": ["公益演出"], "charity": ["公益"], "performance": ["演出"], "performing arts": ["演出"],
  "worker": ["职工"], "congress": ["代表大会"], "speech": ["讲话"], "report": ["报告"], "held": ["举行", "举办"], "hold": ["举行", "举办"],
  "water authority": ["水务局"], "financial": ["金融"], "finance": ["金融"], "court": ["法院"], "police": ["干警"],
};

const GLOSSARY = new Map(Object.entries(DOMAIN_GLOSSARY).map(([k, v]) => [phraseKey(k), v]));

export interface Translation {
  /** Chinese words found for the question, most specific phrase matches first. */
  terms: string[];
  /** The first Chinese word for each English phrase matched: what an answer must cover. */
  primary: string[];
  /** English words that found no Chinese word present in the corpus. */
  untranslated: string[];
}

/**
 * Greedy longest-phrase lookup (up to six words, so "federation of trade unions" is one phrase) over the question's content words;
 * a phrase's candidates are kept only when the corpus knows them (`known` gives a count), at
 * most `perWord` per phrase, so "union" brings 工会 rather than every sense of the word.
 */
export function translateQuestion(question: string, lex: Lexicon, known: (zh: string) => boolean, perWord = 2): Translation {
  const words = englishWords(question);
  const terms: string[] = [];
  const primary: string[] = [];
  const untranslated: string[] = [];
  const lookup = (phrase: string): string[] => {
    const parts = phrase.split(" ");
    const last = parts.pop()!;
    for (const v of variants(last)) {
      const key = [...parts, v].join(" ");
      const hits = [...(GLOSSARY.get(key) ?? []), ...(lex.en[key] ?? []), ...(parts.length === 0 ? (lex.pinyin[v] ?? []) : [])].filter(known);
      if (hits.length) return hits.slice(0, perWord);
    }
    return [];
  };
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(6, words.length - i); n >= 1 && !matched; n--) {
      const hits = lookup(words.slice(i, i + n).join(" "));
      if (hits.length) {
        if (!primary.includes(hits[0]!)) primary.push(hits[0]!);
        for (const h of hits) if (!terms.includes(h)) terms.push(h);
        matched = n;
      }
    }
    if (!matched) untranslated.push(words[i]!);
    i += matched || 1;
  }
  return { terms, primary, untranslated };
}
