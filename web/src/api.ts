// The chat page's client for POST /api/ask: streams Server-Sent Events, falls back to the JSON error body.

// Types only (erased from the bundle): the page speaks the server's own shapes.
import type { Citation } from "../../src/answer/compose.js";
import type { Turn } from "../../src/retrieve/follow-up.js";

export type { Citation, Turn };

export interface AskResponse {
  answer: string;
  answerable: boolean;
  citations: Citation[];
  rewrittenQuestion?: string;
}

export class AskError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Reads `event:` / `data:` blocks from a streamed response body. */
async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      yield { event, data: data.join("\n") };
    }
  }
}

/** Asks a question; `onToken` receives the answer as it streams in. */
export async function ask(question: string, history: Turn[], onToken: (text: string) => void): Promise<AskResponse> {
  let res: Response;
  try {
    res = await fetch("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ question, history: history.slice(-20) }),
    });
  } catch {
    throw new AskError("网络连接失败，请检查网络后重试。", true);
  }
  if (!res.ok || !res.body) {
    let message = `服务器出错（${res.status}），请稍后重试。`;
    try {
      const body = (await res.json()) as { error?: { message?: string } };
      if (body.error?.message) message = `${message}\n${body.error.message}`;
    } catch {
      /* not JSON */
    }
    throw new AskError(message, res.status >= 500 || res.status === 429);
  }
  for await (const { event, data } of sseEvents(res.body)) {
    if (event === "token") onToken((JSON.parse(data) as { text: string }).text);
    if (event === "done") return JSON.parse(data) as AskResponse;
  }
  throw new AskError("回答中断了，请重试。", true);
}
