// Reading a folder: bad files are skipped with one warning each, naming the file; good ones are kept.

import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../../src/index/read-corpus.js";
import { tempDir } from "../helpers/corpus.js";

describe("reading a corpus folder", () => {
  it("skips empty, binary, non-UTF-8 and unreadable files with a warning naming each, keeping the rest", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "good.txt"), "# 标题\n\n正文。");
    await mkdir(path.join(dir, "sub"));
    await writeFile(path.join(dir, "sub", "nested.md"), "# 子目录\n\n内容。");
    await writeFile(path.join(dir, "empty.txt"), "");
    await writeFile(path.join(dir, "blank.md"), "  \n\n ");
    await writeFile(path.join(dir, "image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    // "工会" in GB18030: valid Chinese, invalid UTF-8.
    await writeFile(path.join(dir, "gbk.txt"), Buffer.from([0xb9, 0xa4, 0xbb, 0xe1]));
    await symlink(path.join(dir, "missing-target"), path.join(dir, "dangling.txt"));
    await writeFile(path.join(dir, "notes.pdf"), "ignored: not an article extension");
    const { files, warnings } = await readCorpus(dir);
    expect(files.map((f) => f.id).sort()).toEqual(["good", "nested"]);
    const byFile = Object.fromEntries(warnings.map((w) => [w.file, w.reason]));
    expect(Object.keys(byFile).sort()).toEqual(["blank.md", "dangling.txt", "empty.txt", "gbk.txt", "image.txt"]);
    expect(byFile["gbk.txt"]).toMatch(/UTF-8/);
    expect(byFile["image.txt"]).toMatch(/binary/);
    expect(byFile["dangling.txt"]).toMatch(/unreadable: ENOENT/);
    expect(byFile["empty.txt"]).toMatch(/empty/);
  });
});
