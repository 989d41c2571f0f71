// Builds the Hono app from its parts: request ids, logs, security headers, CORS, limits, routes, JSON errors.

import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { silentLogger, type Logger } from "../log.js";
import { articlesRoutes } from "./articles-routes.js";
import { askRoute } from "./ask-route.js";
import { AppError, errorBody } from "./errors.js";
import { docsPage, openApiDocument } from "./openapi.js";
import { clientAddress, rateLimit } from "./rate-limit.js";
import type { ServiceState } from "./state.js";
import { webRoutes, WEB_DIR } from "./web-assets.js";

export interface AppDeps {
  state: ServiceState;
  logger?: Logger;
  rateLimit?: { perMinute: number; burst: number };
  corsOrigins?: string[];
  webDir?: string;
}

export const BODY_LIMIT = 64 * 1024;

export type AppEnv = { Variables: { requestId: string } };

/**
 * @example
 * const app = createApp({ state });
 * const res = await app.request("/api/health");
 */
export function createApp({ state, logger = silentLogger, rateLimit: limits = { perMinute: 60, burst: 20 }, corsOrigins = [], webDir = WEB_DIR }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", requestId());
  app.use("*", async (c, next) => {
    const t = performance.now();
    await next();
    logger.info({ reqId: c.get("requestId"), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - t), client: clientAddress(c) }, "request");
  });
  app.use(
    "*",
    secureHeaders({
      // Everything the pages need comes from this server: no CDN, no inline script, no other host.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      crossOriginResourcePolicy: "same-origin",
    }),
  );
  if (corsOrigins.length) app.use("/api/*", cors({ origin: corsOrigins, allowMethods: ["GET", "POST", "OPTIONS"], exposeHeaders: ["X-Request-Id", "Retry-After"] }));
  const limiter = rateLimit(limits);
  app.use("/api/*", async (c, next) => (c.req.path === "/api/health" ? next() : limiter(c, next)));
  app.use(
    "/api/*",
    bodyLimit({ maxSize: BODY_LIMIT, onError: (c) => c.json(errorBody("payload_too_large", `the request body is over ${BODY_LIMIT / 1024} KiB`), 413) }),
  );

  app.route("/api", articlesRoutes(state));
  app.route("/api", askRoute(state));
  const doc = openApiDocument();
  app.get("/api/openapi.json", (c) => c.json(doc));
  const docs = docsPage(doc);
  app.get("/api/docs", (c) => c.html(docs));
  app.route("/", webRoutes(webDir));

  app.notFound((c) => c.json(errorBody("not_found", `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(errorBody(err.code, err.message), err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      return c.json(errorBody(status === 413 ? "payload_too_large" : "bad_request", err.message || "the request could not be read"), status);
    }
    logger.error({ reqId: c.get("requestId"), method: c.req.method, path: c.req.path, err }, "unhandled error");
    return c.json(errorBody("internal_error", `something went wrong on our side; quote request id ${c.get("requestId")}`), 500);
  });
  return app;
}
