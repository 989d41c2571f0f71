// Reads a folder of .txt/.md articles, skipping unreadable, empty, binary or non-UTF-8 files with a warning.

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface SourceFile {
  /** Article id: the file name without extension. */
  id: string;
  /** Path relative to the corpus folder. */
  file: string;
  sha256: string;
  text: string;
}

export interface CorpusWarning {
  file: string;
  reason: string;
}

const ARTICLE_EXT = /\.(txt|md|markdown)$/i;

/** Lists article files under `dir` (recursively), sorted for a stable order. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    // Symlinks are listed too: a dangling one must surface as a warning, not vanish.
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && ARTICLE_EXT.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath ?? dir, e.name)))
    .sort();
}

/** Why `buf` cannot be an article, or undefined when it is readable UTF-8 text. */
export function rejectReason(buf: Buffer): string | undefined {
  if (buf.length === 0) return "empty file";
  if (buf.includes(0)) return "binary file (contains NUL bytes)";
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    if (!text.trim()) return "empty file (whitespace only)";
  } catch {
    return "not valid UTF-8 (convert it to UTF-8, e.g. iconv -f GB18030 -t UTF-8)";
  }
  return undefined;
}

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Reads every article file of `dir`. Files that cannot be used are reported in `warnings`
 * (one per file, naming it) and skipped; nothing else is affected.
 */
export async function readCorpus(dir: string): Promise<{ files: SourceFile[]; warnings: CorpusWarning[] }> {
  const files: SourceFile[] = [];
  const warnings: CorpusWarning[] = [];
  const ids = new Set<string>();
  for (const file of await listArticleFiles(dir)) {
    let buf: Buffer;
    try {
      buf = await readFile(path.join(dir, file));
    } catch (err) {
      warnings.push({ file, reason: `unreadable: ${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      continue;
    }
    const reason = rejectReason(buf);
    if (reason) {
      warnings.push({ file, reason });
      continue;
    }
    const id = path.basename(file).replace(ARTICLE_EXT, "");
    if (ids.has(id)) {
      warnings.push({ file, reason: `duplicate article id "${id}" (another file has the same name); skipped` });
      continue;
    }
    ids.add(id);
    files.push({ id, file, sha256: sha256(buf), text: buf.toString("utf8") });
  }
  return { files, warnings };
}
