// Read-only routes: health, the article list and one article with its sections.

import { Hono } from "hono";
import { AppError } from "./errors.js";
import type { ReadyState, ServiceState } from "./state.js";

/** The ready state, or a 503 that tells the client to come back shortly. */
export function requireReady(state: ServiceState): ReadyState {
  const ready = state.get();
  if (ready) return ready;
  const message =
    state.status === "failed"
      ? `the index could not be built: ${state.failure}`
      : "the index is still being built; retry in a few seconds";
  throw new AppError(503, "index_not_ready", message, { headers: { "Retry-After": "5" } });
}

export function articlesRoutes(state: ServiceState): Hono {
  const app = new Hono();

  app.get("/health", (c) => {
    const { index, embedder } = requireReady(state);
    const { manifest } = index;
    return c.json({
      status: "ok",
      articles: manifest.counts.articles,
      sections: manifest.counts.sections,
      chunks: manifest.counts.chunks,
      embedder: embedder.id,
      builtAt: manifest.builtAt,
    });
  });

  app.get("/articles", (c) => {
    const { index } = requireReady(state);
    return c.json({
      articles: index.articles.map((a) => ({
        id: a.id,
        title: a.title,
        ...(a.subtitle ? { subtitle: a.subtitle } : {}),
        ...(a.byline ? { byline: a.byline } : {}),
        sections: a.sections.map((s) => ({ id: s.id, heading: s.heading })),
      })),
    });
  });

  app.get("/articles/:id", (c) => {
    const { articlesById } = requireReady(state);
    const id = c.req.param("id");
    const a = articlesById.get(id);
    if (!a) throw new AppError(404, "article_not_found", `no article with id "${id}"`);
    return c.json({
      article: {
        id: a.id,
        title: a.title,
        ...(a.subtitle ? { subtitle: a.subtitle } : {}),
        ...(a.byline ? { byline: a.byline } : {}),
        sections: a.sections.map((s) => ({
          id: s.id,
          heading: s.heading,
          headingPath: s.headingPath,
          ...(s.speaker ? { speaker: s.speaker } : {}),
          ...(s.dateline ? { dateline: s.dateline } : {}),
          text: s.text,
        })),
      },
    });
  });

  return app;
}
