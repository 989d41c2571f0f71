// POST /api/ask in-process: JSON and SSE answers, every error as JSON with the right status, hostile inputs included.

import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { ServiceState } from "../../src/http/state.js";
import { readyState } from "../helpers/ready-state.js";

type Json = Record<string, unknown>;

describe("POST /api/ask", () => {
  let state: ServiceState;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    state = await readyState();
    app = createApp({ state, rateLimit: { perMinute: 0, burst: 1 } });
  });
  const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
    app.request("/api/ask", { method: "POST", body, headers });
  const error = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  it("answers with the contract's fields and a request id", async () => {
    const res = await post(JSON.stringify({ question: "东城区累计建成了多少个暖心驿站？", topK: 3 }));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({ answerable: true, answer: expect.stringContaining("1427个[1]") });
    expect(body.citations).toEqual([
      expect.objectContaining({ n: 1, articleId: "003_61256b07ca335779", sectionId: "003_61256b07ca335779-s5", quote: expect.stringContaining("暖心驿站1427个") }),
    ]);
    expect(body.timings).toEqual({ retrieveMs: expect.any(Number), answerMs: expect.any(Number) });
    expect(body).not.toHaveProperty("retrieved");
  });

  it("streams token events, then one done event with the full JSON", async () => {
    const res = await app.request("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ question: "暖心驿站呢？", history: [{ role: "user", content: "东城区累计建成了多少个职工之家？" }] }),
    });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = [...(await res.text()).matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({ event: m[1], data: JSON.parse(m[2]!) as Json }));
    const tokens = events.filter((e) => e.event === "token");
    const done = events.filter((e) => e.event === "done");
    expect(tokens.length).toBeGreaterThan(1);
    expect(done).toHaveLength(1);
    expect(events.at(-1)!.event).toBe("done");
    expect(tokens.map((t) => t.data.text).join("")).toBe(done[0]!.data.answer);
    expect(done[0]!.data.rewrittenQuestion).toBe("东城区累计建成了多少个暖心驿站？");
  });

  it.each([
    ["malformed JSON", "{question:", 400, "invalid_json"],
    ["an empty body", "", 400, "invalid_json"],
    ["a JSON array", '["东城区"]', 400, "invalid_request"],
    ["a JSON string", '"东城区"', 400, "invalid_request"],
    ["null", "null", 400, "invalid_request"],
    ["a missing question", "{}", 400, "invalid_request"],
    ["an empty question", '{"question":""}', 400, "invalid_request"],
    ["a blank question", '{"question":"  \\n\\t "}', 400, "invalid_request"],
    ["a number as question", '{"question":42}', 400, "invalid_request"],
    ["an object as question", '{"question":{"$gt":""}}', 400, "invalid_request"],
    ["a question over 2000 characters", JSON.stringify({ question: "问".repeat(2001) }), 400, "invalid_request"],
    ["a NUL byte", JSON.stringify({ question: "东城区\u0000职工之家" }), 400, "invalid_request"],
    ["topK 0", '{"question":"职工之家","topK":0}', 400, "invalid_request"],
    ["topK 21", '{"question":"职工之家","topK":21}', 400, "invalid_request"],
    ["topK as a string", '{"question":"职工之家","topK":"5"}', 400, "invalid_request"],
    ["a fractional topK", '{"question":"职工之家","topK":2.5}', 400, "invalid_request"],
    ["a bad history role", '{"question":"职工之家","history":[{"role":"system","content":"x"}]}', 400, "invalid_request"],
    ["history that is not an array", '{"question":"职工之家","history":"x"}', 400, "invalid_request"],
    ["21 history turns", JSON.stringify({ question: "职工之家", history: Array.from({ length: 21 }, () => ({ role: "user", content: "x" })) }), 400, "invalid_request"],
    ["deep nesting", `{"question":"x","history":${"[".repeat(5000)}${"]".repeat(5000)}}`, 400, "invalid_request"],
  ])("rejects %s with a JSON 400", async (_what, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await error(res)).code).toBe(code);
  });

  it("names the field at fault", async () => {
    expect((await error(await post('{"question":"x","history":[{"role":"bot","content":"y"}]}'))).message).toMatch(/^history\.0\.role: /);
  });

  it("rejects a body that is not JSON with 415", async () => {
    const res = await post("question=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
    expect((await error(res)).code).toBe("unsupported_media_type");
    expect((await post('{"question":"x"}', {})).status).toBe(415);
  });

  it("rejects a body over 64 KiB with 413, by header and by stream", async () => {
    const big = JSON.stringify({ question: "x", history: [{ role: "user", content: "字".repeat(30_000) }] });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect((await error(res)).code).toBe("payload_too_large");
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const chunked = await app.request("/api/ask", { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("treats script tags and emoji as plain question text", async () => {
    const res = await post(JSON.stringify({ question: "<script>alert(1)</script> 😀 东城区累计建成了多少个职工之家？" }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answer: string };
    expect(body.answer).not.toContain("<script>");
  });

  it("answers 503 until the index is ready, and 404/405-style misses as JSON", async () => {
    const cold = createApp({ state: new ServiceState() });
    const res = await cold.request("/api/ask", { method: "POST", body: '{"question":"x"}', headers: { "content-type": "application/json" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const get = await app.request("/api/ask");
    expect(get.status).toBe(404);
    expect((await error(get)).code).toBe("not_found");
  });

  it("rate-limits a client with 429 and Retry-After, health excepted", async () => {
    const limited = createApp({ state, rateLimit: { perMinute: 6, burst: 2 } });
    const ask = () => limited.request("/api/articles");
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    const third = await ask();
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("10");
    expect((await error(third)).code).toBe("rate_limited");
    expect((await limited.request("/api/health")).status).toBe(200);
  });

  it("sends CORS headers only for configured origins", async () => {
    const open = createApp({ state, corsOrigins: ["https://intranet.example"] });
    const ok = await open.request("/api/articles", { headers: { origin: "https://intranet.example" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://intranet.example");
    const other = await open.request("/api/articles", { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const closed = await app.request("/api/articles", { headers: { origin: "https://intranet.example" } });
    expect(closed.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("pages and documents", () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const { buildWeb } = await import("../../src/http/web-assets.js");
    await buildWeb();
    app = createApp({ state: await readyState() });
  });

  it("serves the chat page with a strict Content-Security-Policy and the selectors the checks use", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    const html = await res.text();
    for (const id of ["question-input", "ask-button", "source-panel"]) expect(html).toContain(`data-testid="${id}"`);
    expect(html).not.toMatch(/https?:\/\//);
    expect((await app.request("/assets/chat.js")).headers.get("content-type")).toMatch(/javascript/);
    expect((await app.request("/articles/002_6434420f5cb73ee3")).status).toBe(200);
    expect((await app.request("/assets/..%2Fpackage.json")).status).toBe(404);
  });

  it("publishes an OpenAPI document generated from the schemas, and a docs page", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, { maxLength?: number }> }> } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/articles", "/api/articles/{id}", "/api/ask", "/api/health"]);
    expect(doc.components.schemas.AskRequest!.properties!.question!.maxLength).toBe(2000);
    const docs = await app.request("/api/docs");
    expect(await docs.text()).toContain("POST /api/ask");
  });
});
