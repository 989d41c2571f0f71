// `npm start` for real: a fresh data folder, the server builds the index and serves health on a real port.

import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/corpus.js";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, ms: number): Promise<Response> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return res;
      last = res.status;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no healthy answer from ${url}: ${String(last)}`);
}

describe("the server process", () => {
  it("builds the index on first start and serves the read endpoints on HOST:PORT", async () => {
    const port = await freePort();
    const dataDir = await tempDir("qa-start-");
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, EMBEDDER: "builtin" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stderr.on("data", (d) => (log += d));
    try {
      const res = await waitForHealth(`http://127.0.0.1:${port}/api/health`, 30_000);
      expect(await res.json()).toMatchObject({ status: "ok", articles: 5 });
      const list = await fetch(`http://127.0.0.1:${port}/api/articles`);
      expect(((await list.json()) as { articles: unknown[] }).articles).toHaveLength(5);
      expect(log).toMatch(/index: none yet/);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
