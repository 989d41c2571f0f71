// `npm run eval -- [--file FILE] [--json OUT]`: runs an eval set against the default corpus and prints the metrics.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Answerer, type AnswerMode } from "../src/answer/answerer.js";
import { loadConfig } from "../src/config.js";
import { ensureIndex } from "../src/index/build-index.js";
import { createEmbedder } from "../src/index/create-embedder.js";
import { loadLexicon } from "../src/retrieve/lexicon.js";
import { groupsOf, scoreOutcome, summarize, type EvalQuestion, type QuestionOutcome, type Row, type Summary } from "./metrics.js";
import { renderHtml } from "./report-html.js";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim());
  return lines.map((l, i) => {
    try {
      return JSON.parse(l) as EvalQuestion;
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
  });
}

const MODES: { mode: AnswerMode; label: string }[] = [
  { mode: "hybrid", label: "hybrid + rerank (product)" },
  { mode: "hybrid-norerank", label: "hybrid RRF, no rerank" },
  { mode: "lexical", label: "BM25 only" },
  { mode: "dense", label: "dense only" },
];

const f = (x: number, digits = 1) => (Number.isNaN(x) ? "–" : (x * 100).toFixed(digits) + "%");
const ms = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(1) + " ms");

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => "| " + r.map((c, i) => c.padEnd(w[i]!)).join(" | ") + " |";
  return [line(head), line(w.map((n) => "-".repeat(n))), ...rows.map(line)].join("\n");
}

async function main(): Promise<void> {
  const file = path.resolve(arg("file") ?? "eval/questions.jsonl");
  const config = loadConfig();
  const questions = await readQuestions(file);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const embedder = await createEmbedder(config);
  const { index } = await ensureIndex({ articlesDir: config.articlesDir, indexDir: path.join(config.dataDir, "index") }, embedder, {
    log: (l) => console.error(l),
  });
  const lexicon = await loadLexicon(path.join(config.dataDir, "lexicon"));
  const answerer = new Answerer({ index, embedder, lexicon });
  const chunkText = new Map(index.chunks.map((c) => [c.id, c.speaker ? `${c.speaker}\n${c.text}` : c.text]));

  // Gold evidence must be verbatim in the corpus, or the figures mean nothing.
  const corpus = index.articles.flatMap((a) => a.sections.map((s) => `${s.speaker ?? ""}\n${s.text}`)).join("\n");
  const bad = questions.flatMap((q) => q.evidence.filter((e) => !corpus.includes(e)).map((e) => `${q.id}: "${e}"`));
  if (bad.length) console.error(`warning: ${bad.length} gold evidence string(s) not found verbatim in the corpus:\n  ${bad.join("\n  ")}`);

  const summaries: { label: string; mode: AnswerMode; all: Summary; rows: Row[]; outcomes: QuestionOutcome[] }[] = [];
  for (const { mode, label } of MODES) {
    const outcomes: QuestionOutcome[] = [];
    for (const q of questions) {
      const t = performance.now();
      const result = await answerer.ask({ question: q.question, history: q.history }, { mode });
      outcomes.push({ q, result, latencyMs: performance.now() - t, retrievedTexts: result.retrieved.map((r) => chunkText.get(r.chunkId) ?? "") });
    }
    const rows = outcomes.map(scoreOutcome);
    summaries.push({ label, mode, all: summarize(rows, byId), rows, outcomes });
  }

  const head = ["retrieval", "hit@1", "hit@3", "hit@5", "MRR", "evidence cited", "answer acc.", "citation prec.", "refusal acc.", "false refusal", "p50", "p95"];
  const line = (label: string, s: Summary) => [label, f(s.hit1), f(s.hit3), f(s.hit5), s.mrr.toFixed(3), f(s.evidenceCited), f(s.accuracy), f(s.citationPrecision), f(s.refusalAccuracy), f(s.falseRefusal), ms(s.p50), ms(s.p95)];
  console.log(`\n${questions.length} questions from ${path.relative(process.cwd(), file)}; embedder ${embedder.id}\n`);
  console.log(table(head, summaries.map((s) => line(s.label, s.all))));

  const product = summaries[0]!;
  const groups = [...new Set(product.rows.flatMap((r) => r.group))].sort();
  const groupRows = groups.map((g) => {
    const rows = product.rows.filter((r) => r.group.includes(g));
    return line(`${g} (${rows.length})`, summarize(rows, byId));
  });
  console.log(`\nper question type and group (product):\n`);
  console.log(table(["group", ...head.slice(1)], groupRows));
  const failed = product.rows.filter((r) => !r.correct).map((r) => r.id);
  console.log(`\nnot right (${failed.length}): ${failed.join(" ")}`);

  const report = {
    file: path.relative(process.cwd(), file),
    embedder: embedder.id,
    ranAt: new Date().toISOString(),
    summary: Object.fromEntries(summaries.map((s) => [s.mode, s.all])),
    groups: Object.fromEntries(groups.map((g) => [g, summarize(product.rows.filter((r) => r.group.includes(g)), byId)])),
    questions: product.outcomes.map((o, i) => ({
      ...o.q,
      groups: groupsOf(o.q),
      row: product.rows[i],
      answer: o.result.answer,
      answerable: o.result.answerable,
      rewrittenQuestion: o.result.rewrittenQuestion,
      citations: o.result.citations,
    })),
  };
  await writeFile("eval/report.json", JSON.stringify(report, null, 2));
  await writeFile("eval/report.html", renderHtml(report));
  const out = arg("json");
  if (out) await writeFile(out, JSON.stringify(report, null, 2));
  console.log(`\nwrote eval/report.json and eval/report.html${out ? ` and ${out}` : ""}`);
}

main().catch((err: unknown) => {
  console.error(`eval: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
