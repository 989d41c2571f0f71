// The read endpoints in-process: health, article list, one article, 404 and 503 as JSON.

import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { ServiceState } from "../../src/http/state.js";
import { IDS } from "../helpers/corpus.js";
import { readyState } from "../helpers/ready-state.js";

describe("read endpoints", () => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    app = createApp({ state: await readyState() });
  });

  it("reports health with counts and the embedder", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", articles: 5, chunks: expect.any(Number), embedder: "builtin-hash-v1-d512" });
  });

  it("lists articles with their section ids and headings", async () => {
    const res = await app.request("/api/articles");
    const body = (await res.json()) as { articles: { id: string; title: string; sections: { id: string; heading: string }[] }[] };
    expect(body.articles.map((a) => [a.id, a.sections.length])).toEqual([
      [IDS.districts, 9], [IDS.chairs, 18], [IDS.page1, 7], [IDS.page2, 5], [IDS.speeches, 10],
    ]);
    expect(body.articles[0]!.sections[0]).toEqual({ id: `${IDS.districts}-s1`, heading: "通州区总工会 / 坚持党建引领，推动工会工作创新发展" });
  });

  it("returns one article with heading paths, speakers and text", async () => {
    const res = await app.request(`/api/articles/${IDS.speeches}`);
    expect(res.status).toBe(200);
    const { article } = (await res.json()) as { article: { title: string; subtitle: string; sections: Record<string, unknown>[] } };
    expect(article.subtitle).toMatch(/^北京市总工会党组成员/);
    expect(article.sections[1]).toMatchObject({
      id: `${IDS.speeches}-s2`,
      headingPath: ["深入学习贯彻党的二十大精神 团结凝聚广大职工为推动首都高质量发展贡献力量"],
      speaker: "北京市总工会党组书记、副主席 张良",
    });
  });

  it("answers an unknown article and an unknown route with JSON 404s", async () => {
    const a = await app.request("/api/articles/999_missing");
    expect(a.status).toBe(404);
    expect(await a.json()).toEqual({ error: { code: "article_not_found", message: 'no article with id "999_missing"' } });
    const r = await app.request("/nowhere");
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ error: { code: "not_found", message: "no route for GET /nowhere" } });
  });

  it("answers 503 with Retry-After while the index is not ready", async () => {
    const cold = createApp({ state: new ServiceState() });
    const res = await cold.request("/api/health");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("index_not_ready");
  });
});
