// A real local HTTP server speaking the OpenAI chat-completions protocol (JSON and SSE streaming), scripted per test.

import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterAll } from "vitest";

export interface ScriptedReply {
  /** Text the "model" answers with; streamed in `pieces` when the client asks for a stream. */
  text?: string;
  pieces?: string[];
  status?: number;
  delayMs?: number;
}

export interface FakeOpenAI {
  baseUrl: string;
  requests: { body: { model: string; stream?: boolean; messages: { role: string; content: string }[] } }[];
  reply: ScriptedReply;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return JSON.parse(body);
}

export async function startOpenAIServer(): Promise<FakeOpenAI> {
  const state: FakeOpenAI = { baseUrl: "", requests: [], reply: { text: "" } };
  const server: Server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404).end();
      return;
    }
    const body = (await readJson(req)) as FakeOpenAI["requests"][number]["body"];
    state.requests.push({ body });
    const r = state.reply;
    if (r.delayMs) await new Promise((ok) => setTimeout(ok, r.delayMs));
    if (r.status && r.status !== 200) {
      res.writeHead(r.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "scripted failure", type: "server_error" } }));
      return;
    }
    const base = { id: "chatcmpl-test", created: 1700000000, model: body.model };
    if (body.stream) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const pieces = r.pieces ?? [r.text ?? ""];
      for (const [i, p] of pieces.entries()) {
        const delta = i === 0 ? { role: "assistant", content: p } : { content: p };
        res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
      }
      res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`);
      res.end("data: [DONE]\n\n");
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({ ...base, object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: r.text }, finish_reason: "stop" }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
    );
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  state.baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
  return state;
}
