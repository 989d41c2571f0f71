// Renders the eval report as one self-contained HTML page: a summary chart and a row per question.

import type { Summary } from "./metrics.js";

interface ReportLike {
  file: string;
  embedder: string;
  ranAt: string;
  summary: Record<string, Summary>;
  questions: { id: string; question: string; type: string; groups: string[]; answer: string; answerable: boolean; rewrittenQuestion?: string; row?: { correct: boolean; rank: number | null }; citations: { n: number; articleTitle: string; heading: string; quote?: string }[] }[];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A horizontal bar chart (inline SVG) of answer accuracy and hit@5 per retrieval mode. */
function chart(summary: Record<string, Summary>): string {
  const modes = Object.entries(summary);
  const bars = modes.flatMap(([mode, s], i) =>
    [["hit@5", s.hit5, "#4c78a8"], ["answer acc.", s.accuracy, "#f58518"]].map(([label, v, color], j) => {
      const y = i * 44 + j * 18 + 10;
      const w = Math.round((v as number) * 300);
      return `<text x="0" y="${y + 12}" font-size="12">${esc(j ? "" : mode)}</text><rect x="150" y="${y}" width="${w}" height="14" fill="${color}"/><text x="${155 + w}" y="${y + 12}" font-size="11">${esc(label as string)} ${((v as number) * 100).toFixed(1)}%</text>`;
    }),
  );
  return `<svg width="560" height="${modes.length * 44 + 20}" role="img" aria-label="accuracy per mode">${bars.join("")}</svg>`;
}

export function renderHtml(r: ReportLike): string {
  const rows = r.questions
    .map((q) => {
      const ok = q.row?.correct;
      const cites = q.citations.map((c) => `<li>[${c.n}] ${esc(c.articleTitle)} / ${esc(c.heading)}${c.quote ? `<br><q>${esc(c.quote)}</q>` : ""}</li>`).join("");
      return `<tr class="${ok ? "ok" : "bad"}"><td>${esc(q.id)}</td><td>${esc(q.groups.join(", "))}</td><td>${esc(q.question)}${q.rewrittenQuestion ? `<br><small>→ ${esc(q.rewrittenQuestion)}</small>` : ""}</td><td><pre>${esc(q.answer)}</pre></td><td><ol>${cites}</ol></td><td>${q.row?.rank ?? "–"}</td><td>${ok ? "pass" : "FAIL"}</td></tr>`;
    })
    .join("\n");
  return `<!doctype html><html lang="zh"><meta charset="utf-8"><title>Eval report</title>
<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}tr.bad{background:#fee}tr.ok{background:#efe}pre{white-space:pre-wrap;margin:0;max-width:40em}ol{margin:0;padding-left:1.2em;max-width:30em}</style>
<h1>Eval report</h1><p>${esc(r.file)} · ${esc(r.embedder)} · ${esc(r.ranAt)}</p>${chart(r.summary)}
<table><tr><th>id</th><th>groups</th><th>question</th><th>answer</th><th>citations</th><th>evidence rank</th><th>result</th></tr>${rows}</table></html>`;
}
