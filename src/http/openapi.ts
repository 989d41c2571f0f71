// The OpenAPI document, generated from the same zod schemas that validate requests, and a plain docs page.

import { OpenAPIHono } from "@hono/zod-openapi";
import { ArticleSchema, ArticleSummarySchema, AskBodySchema, AskResponseSchema, ErrorSchema, HealthSchema } from "./schemas.js";
import { z } from "@hono/zod-openapi";

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });
const errors = {
  400: json(ErrorSchema, "Malformed JSON or invalid fields"),
  413: json(ErrorSchema, "Body over 64 KiB"),
  415: json(ErrorSchema, "Body is not JSON"),
  429: json(ErrorSchema, "Rate limited; see Retry-After"),
  503: json(ErrorSchema, "Index not ready; see Retry-After"),
};

export function openApiDocument(): Record<string, unknown> {
  const api = new OpenAPIHono();
  const r = api.openAPIRegistry;
  r.registerPath({
    method: "post",
    path: "/api/ask",
    summary: "Ask a question; get a cited answer",
    description:
      "Returns JSON, or Server-Sent Events when the request has `Accept: text/event-stream`: `token` events (`{\"text\": …}`) with pieces of the answer, then one `done` event whose data is the full JSON response.",
    request: { body: { required: true, content: { "application/json": { schema: AskBodySchema } } } },
    responses: { 200: { description: "The answer", content: { "application/json": { schema: AskResponseSchema }, "text/event-stream": { schema: z.string() } } }, ...errors },
  });
  r.registerPath({ method: "get", path: "/api/health", summary: "Readiness and counts", responses: { 200: json(HealthSchema, "Ready"), 503: errors[503] } });
  r.registerPath({ method: "get", path: "/api/articles", summary: "All articles with their sections", responses: { 200: json(z.object({ articles: z.array(ArticleSummarySchema) }), "Articles"), 503: errors[503] } });
  r.registerPath({
    method: "get",
    path: "/api/articles/{id}",
    summary: "One article with the text of every section",
    request: { params: z.object({ id: z.string().openapi({ example: "002_6434420f5cb73ee3" }) }) },
    responses: { 200: json(z.object({ article: ArticleSchema }), "The article"), 404: json(ErrorSchema, "No such article"), 503: errors[503] },
  });
  return api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "Union News QA API", version: "1.0.0", description: "Cited answers over Chinese trade-union newspaper articles. Every error is `{ error: { code, message } }`." },
  }) as unknown as Record<string, unknown>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A readable page for client developers: each operation with its schemas, no scripts, no CDN. */
export function docsPage(doc: Record<string, unknown>): string {
  const paths = doc.paths as Record<string, Record<string, { summary?: string; description?: string; requestBody?: unknown; responses: Record<string, { description: string }> }>>;
  const ops = Object.entries(paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(
      ([m, op]) => `<section><h2><code>${m.toUpperCase()} ${esc(p)}</code></h2><p>${esc(op.summary ?? "")}</p>${op.description ? `<p>${esc(op.description)}</p>` : ""}
<h3>Responses</h3><ul>${Object.entries(op.responses).map(([s, r]) => `<li><b>${s}</b> ${esc(r.description)}</li>`).join("")}</ul></section>`,
    ),
  );
  const schemas = (doc.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>API · Union News QA</title>
<link rel="stylesheet" href="/assets/style.css"><main class="article"><h1>Union News QA API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Example: <code>curl -s -XPOST localhost:3000/api/ask -H 'content-type: application/json' -d '{"question":"东城区累计建成了多少个职工之家？"}'</code></p>
${ops.join("\n")}<h2>Schemas</h2>${Object.entries(schemas).map(([n, s]) => `<h3 id="${esc(n)}">${esc(n)}</h3><pre>${esc(JSON.stringify(s, null, 2))}</pre>`).join("")}</main></html>`;
}
