// English → Chinese lookup built once from the CC-CEDICT data that the cc-cedict package ships, cached in DATA_DIR.

import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { phraseKey } from "./translate.js";

/** Bumped when the cached table's shape changes. */
const LEXICON_VERSION = 2;

export interface Lexicon {
  /** English phrase (≤ 3 words, lower case) → simplified Chinese words, primary senses first. */
  en: Record<string, string[]>;
  /** Toneless pinyin of proper nouns (tongzhou, miyun) → simplified Chinese words. */
  pinyin: Record<string, string[]>;
}

type CedictRow = [string, string, string, string | string[], ...unknown[]];

const SKIP_SENSE = /^(variant of|old variant|surname|abbr\.|cl:|see |used in|japanese variant|\(old\))/;

/** Cleans one gloss phrase: drops parentheses, "to ", articles; empty when it is no useful phrase. */
function cleanPhrase(p: string): string {
  let s = p.toLowerCase().replace(/\([^)]*\)|\[[^\]]*\]/g, " ").replace(/[^a-z0-9' -]/g, " ");
  s = phraseKey(s.replace(/\s+/g, " ").trim());
  return s && s.split(" ").length <= 4 ? s : "";
}

/** Builds the lookup from the dictionary rows (pure, for tests). */
export function buildLexicon(rows: CedictRow[]): Lexicon {
  const en: Record<string, string[]> = {};
  const pinyin: Record<string, string[]> = {};
  const add = (map: Record<string, string[]>, k: string, v: string) => {
    const list = (map[k] ??= []);
    if (!list.includes(v)) list.push(v);
  };
  for (const [, simp, py, english] of rows) {
    if (!/^\p{Script=Han}{1,6}$/u.test(simp)) continue;
    const senses = (Array.isArray(english) ? english : english.split("/")).flatMap((s) => s.split(";"));
    for (const sense of senses) {
      if (SKIP_SENSE.test(sense.trim().toLowerCase())) continue;
      const phrase = cleanPhrase(sense);
      if (phrase) add(en, phrase, simp);
    }
    if (/^[A-Z]/.test(py) && simp.length >= 2) add(pinyin, py.toLowerCase().replace(/[^a-z]/g, ""), simp);
  }
  return { en, pinyin };
}

/** Where the cc-cedict package keeps its data (`data/all.js`, an ES module exporting `{ all: rows }`). */
function cedictDataFile(): string {
  const entry = fileURLToPath(import.meta.resolve("cc-cedict"));
  return path.join(path.dirname(entry), "..", "data", "all.js");
}

const cached = new Map<string, Promise<Lexicon | undefined>>();

/**
 * Loads the lookup from `cacheDir`, building it from CC-CEDICT on first use (about a second).
 * Resolves to undefined, with one log line, when the dictionary cannot be read: English
 * questions then search with their own words only.
 */
export function loadLexicon(cacheDir: string, log: (l: string) => void = console.warn): Promise<Lexicon | undefined> {
  const hit = cached.get(cacheDir);
  if (hit) return hit;
  const loading = (async () => {
    const file = path.join(cacheDir, `cedict-en-zh-v${LEXICON_VERSION}.json`);
    try {
      return JSON.parse(await readFile(file, "utf8")) as Lexicon;
    } catch {
      /* not built yet */
    }
    try {
      const raw = await readFile(cedictDataFile(), "utf8");
      const rows = (JSON.parse(raw.slice(raw.indexOf("{"))) as { all: CedictRow[] }).all;
      const lex = buildLexicon(rows);
      await mkdir(cacheDir, { recursive: true });
      const tmp = `${file}.tmp-${process.pid}`;
      await writeFile(tmp, JSON.stringify(lex));
      await rename(tmp, file);
      return lex;
    } catch (err) {
      log(`lexicon: CC-CEDICT could not be read (${(err as Error).message}); English questions use their own words only`);
      return undefined;
    }
  })();
  cached.set(cacheDir, loading);
  return loading;
}
