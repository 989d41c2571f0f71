// POST /api/ask: validates the question, answers it, and replies as JSON or as Server-Sent Events.

import { Hono, type Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { AskResult } from "../answer/answerer.js";
import { requireReady } from "./articles-routes.js";
import { AppError } from "./errors.js";
import { AskBodySchema, describeIssues, type AskBody } from "./schemas.js";
import type { ServiceState } from "./state.js";

/** Reads and validates the JSON body; every failure is a 400 with a message that says what to fix. */
async function readBody(c: Context): Promise<AskBody> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new AppError(415, "unsupported_media_type", `send the question as JSON (Content-Type: application/json), not "${type || "none"}"`);
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new AppError(400, "invalid_json", "the request body is not valid JSON");
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new AppError(400, "invalid_request", 'the body must be a JSON object like {"question": "…"}');
  const parsed = AskBodySchema.safeParse(raw);
  if (!parsed.success) throw new AppError(400, "invalid_request", describeIssues(parsed.error));
  return parsed.data;
}

/** What clients get: the contract's fields (internal ones such as the retrieved list stay inside). */
export function publicAnswer(r: AskResult): Record<string, unknown> {
  const out: Record<string, unknown> = { answer: r.answer, answerable: r.answerable, citations: r.citations, timings: r.timings, questionType: r.questionType };
  if (r.rewrittenQuestion) out.rewrittenQuestion = r.rewrittenQuestion;
  return out;
}

/** Pieces of an answer for streaming: whole sentences, so a marker [n] never arrives split. */
export function answerPieces(answer: string): string[] {
  return answer.match(/[^。！？.!?\n]*(?:[。！？.!?]+[”’」』）)]*(?:\[\d+\])*|\n|$)/gu)?.filter(Boolean) ?? [answer];
}

export function askRoute(state: ServiceState): Hono {
  const app = new Hono();
  app.post("/ask", async (c) => {
    const body = await readBody(c);
    const { answerer } = requireReady(state);
    const req = { question: body.question, history: body.history, topK: body.topK };
    if (!(c.req.header("accept") ?? "").includes("text/event-stream")) return c.json(publicAnswer(await answerer.ask(req)));
    return streamSSE(c, async (stream) => {
      let streamed = false;
      const pending: Promise<void>[] = [];
      const result = await answerer.ask(req, {
        onToken: (text) => {
          streamed = true;
          pending.push(stream.writeSSE({ event: "token", data: JSON.stringify({ text }) }));
        },
      });
      await Promise.all(pending);
      // The extractive composer has the whole answer at once: it still goes out in pieces.
      if (!streamed) for (const text of answerPieces(result.answer)) await stream.writeSSE({ event: "token", data: JSON.stringify({ text }) });
      await stream.writeSSE({ event: "done", data: JSON.stringify(publicAnswer(result)) });
    });
  });
  return app;
}
