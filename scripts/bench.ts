// `npm run bench [-- --articles N]`: speed and memory figures, each beside a baseline measured in the same run.

import { execFile, spawn } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { writeSyntheticCorpus } from "./synthetic-corpus.js";

const run = promisify(execFile);
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const ARTICLES = arg("articles", 10_000);

interface Measure {
  task: string;
  seconds: number;
  chunks: number;
  peakMiB: number;
  p50?: number;
  p95?: number;
  bm25p50?: number;
  bm25p95?: number;
}

async function worker(task: string, ...args: string[]): Promise<Measure> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/bench-worker.ts", task, ...args], {
    maxBuffer: 1 << 20,
    env: { ...process.env, EMBEDDER: "builtin" },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Measure;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Seconds from spawning `args` until GET /api/health answers 200. */
async function timeToHealthy(args: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...args.map((a) => a.replace("$PORT", String(port)))], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return (performance.now() - started) / 1000;
      } catch {
        /* not listening yet */
      }
      if (performance.now() - started > 60_000) throw new Error("server did not become healthy in 60 s");
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill("SIGTERM");
  }
}

const rows: string[][] = [];
const row = (what: string, ours: string, baseline: string, target: string, ok: boolean) =>
  rows.push([what, ours, baseline, target, ok ? "yes" : "NO"]);
const s = (x: number) => `${x.toFixed(2)} s`;
const ms = (x?: number) => `${(x ?? NaN).toFixed(1)} ms`;

async function main(): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), "qa-bench-"));
  try {
    console.error(`bench: node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
    // 1. Default corpus.
    const small = { articles: path.join(tmp, "default"), index: path.join(tmp, "default-data", "index") };
    await cp("data/articles", small.articles, { recursive: true });
    const ourSmall = await worker("build-ours", small.articles, small.index);
    const lcSmall = await worker("build-langchain", small.articles, path.join(tmp, "lc-default"));
    row("index default corpus (5 articles)", s(ourSmall.seconds), s(lcSmall.seconds) + " (LangChain HNSWLib)", "< 10 s", ourSmall.seconds < 10);
    const dataDir = path.dirname(small.index);
    const health = await timeToHealthy(["--import", "tsx", "src/main.ts"], { DATA_DIR: dataDir, ARTICLES_DIR: small.articles, EMBEDDER: "builtin" });
    const hello = await timeToHealthy(["--import", "tsx", "scripts/bench-hello-server.ts", "$PORT"], {});
    row("start → /api/health 200, index built", s(health), s(hello) + " (bare Hono server)", "< 3 s", health < 3);
    const askSmall = await worker("ask-latency", small.index);
    row("answer p95 (retrieve + compose), default corpus", ms(askSmall.p95), ms(askSmall.bm25p95) + " (BM25-only pipeline)", "< 30 ms", (askSmall.p95 ?? 1e9) < 30);
    row("  answer p50, default corpus", ms(askSmall.p50), ms(askSmall.bm25p50), "", true);

    // 2. Synthetic corpus made from the real paragraphs.
    const big = { articles: path.join(tmp, "synthetic"), index: path.join(tmp, "synthetic-index") };
    console.error(`bench: writing ${ARTICLES} synthetic articles…`);
    await writeSyntheticCorpus("data/articles", big.articles, ARTICLES);
    console.error("bench: indexing them (ours)…");
    const ours = await worker("build-ours", big.articles, big.index);
    console.error("bench: indexing them (LangChain HNSWLib baseline)…");
    const lc = await worker("build-langchain", big.articles, path.join(tmp, "lc-synthetic"));
    const rate = (m: Measure) => m.chunks / m.seconds;
    row(`index ${ARTICLES} articles (${ours.chunks} chunks), built-in embedder`, `${rate(ours).toFixed(0)} chunks/s`, `${rate(lc).toFixed(0)} chunks/s (LangChain HNSWLib)`, "≥ 200 chunks/s", rate(ours) >= 200);
    row(`  peak RSS while indexing`, `${ours.peakMiB} MiB`, `${lc.peakMiB} MiB`, "< 1024 MiB", ours.peakMiB < 1024);
    const reOurs = await worker("reload-ours", big.index);
    const reLc = await worker("reload-langchain", path.join(tmp, "lc-synthetic"));
    row(`reload ${ARTICLES}-article index`, s(reOurs.seconds), s(reLc.seconds) + " (LangChain HNSWLib.load)", "< 3 s", reOurs.seconds < 3);
    row(`  peak RSS after reload`, `${reOurs.peakMiB} MiB`, `${reLc.peakMiB} MiB`, "< 1024 MiB", reOurs.peakMiB < 1024);
    const askBig = await worker("ask-latency", big.index);
    row(`answer p95 (retrieve + compose), ${ARTICLES} articles`, ms(askBig.p95), ms(askBig.bm25p95) + " (BM25-only pipeline)", "< 100 ms", (askBig.p95 ?? 1e9) < 100);
    row(`  answer p50, ${ARTICLES} articles`, ms(askBig.p50), ms(askBig.bm25p50), "", true);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const head = ["measure", "ours", "baseline (same run)", "target", "met"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => "| " + r.map((c, i) => c.padEnd(widths[i]!)).join(" | ") + " |";
  console.log([line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
