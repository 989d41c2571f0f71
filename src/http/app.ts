// Builds the Hono app from its parts: routes, JSON errors, 404s.

import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { articlesRoutes } from "./articles-routes.js";
import { askRoute } from "./ask-route.js";
import { AppError, errorBody } from "./errors.js";
import type { ServiceState } from "./state.js";

export interface AppDeps {
  state: ServiceState;
  log?: (line: string) => void;
}

/**
 * @example
 * const app = createApp({ state });
 * const res = await app.request("/api/health");
 */
export function createApp({ state, log = (l) => console.error(l) }: AppDeps): Hono {
  const app = new Hono();
  app.route("/api", articlesRoutes(state));
  app.route("/api", askRoute(state));

  app.notFound((c) => c.json(errorBody("not_found", `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(errorBody(err.code, err.message), err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      return c.json(errorBody(status === 413 ? "payload_too_large" : "http_error", err.message || "request failed"), status);
    }
    log(`error: ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return c.json(errorBody("internal_error", "something went wrong on our side; the error was logged"), 500);
  });
  return app;
}
