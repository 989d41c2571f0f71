// `npm start` for real: a fresh data folder, the server builds the index and serves health on a real port.

import { describe, expect, it } from "vitest";
import { startOpenAIServer } from "../helpers/openai-server.js";
import { startServer } from "../helpers/server.js";

describe("the server process", () => {
  it("builds the index on first start and serves the read endpoints on HOST:PORT", async () => {
    const server = await startServer();
    try {
      const res = await fetch(`${server.url}/api/health`);
      expect(await res.json()).toMatchObject({ status: "ok", articles: 5 });
      const list = await fetch(`${server.url}/api/articles`);
      expect(((await list.json()) as { articles: unknown[] }).articles).toHaveLength(5);
      expect(server.log()).toMatch(/index: none yet/);
      expect(server.log()).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    } finally {
      await server.stop();
    }
  });

  it("finishes an in-flight request on SIGTERM, then exits 0", async () => {
    // A slow generator makes the request certainly in flight when the signal arrives.
    const llm = await startOpenAIServer();
    llm.reply = { text: "职工之家65个[1]。", delayMs: 1500 };
    const server = await startServer({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: "slow-model", LLM_TIMEOUT_MS: "10000" });
    const inflight = fetch(`${server.url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ question: "东城区累计建成了多少个职工之家？" }),
    });
    await expect.poll(() => llm.requests.length, { timeout: 10_000 }).toBe(1);
    server.child.kill("SIGTERM");
    const res = await inflight;
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("event: done");
    expect(body).toContain("职工之家65个[1]");
    expect(await server.exited).toBe(0);
    expect(server.log()).toMatch(/SIGTERM: finishing in-flight requests/);
  });
});
