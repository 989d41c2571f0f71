// Bench baseline: the smallest Hono server on @hono/node-server, to show the process start-up floor.

import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono().get("/api/health", (c) => c.json({ status: "ok" }));
serve({ fetch: app.fetch, hostname: "127.0.0.1", port: Number(process.argv[2]) });
