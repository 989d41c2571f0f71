// The web pages: bundles web/src with esbuild into web/dist, and serves the pages and their assets.

import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { AppError } from "./errors.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const WEB_DIR = path.join(ROOT, "web");

/** Builds web/dist/chat.js, article.js and style.css (esbuild, ~50 ms); returns the output folder. */
export async function buildWeb(webDir = WEB_DIR): Promise<string> {
  const { build } = await import("esbuild");
  const out = path.join(webDir, "dist");
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: ["src/chat.ts", "src/article.ts", "src/style.css"].map((f) => path.join(webDir, f)),
    outdir: out,
    bundle: true,
    format: "esm",
    target: "es2020",
    minify: true,
    logLevel: "warning",
  });
  return out;
}

const TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".html": "text/html; charset=utf-8" };

/** Serves `/`, `/articles/:id` and `/assets/*` from `webDir` (pages) and `webDir/dist` (bundles). */
export function webRoutes(webDir = WEB_DIR): Hono {
  const app = new Hono();
  const send = async (file: string) => {
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" } });
    } catch {
      throw new AppError(404, "not_found", `no such file: ${path.basename(file)}`);
    }
  };
  app.get("/", () => send(path.join(webDir, "index.html")));
  app.get("/articles/:id", () => send(path.join(webDir, "article.html")));
  app.get("/assets/:file{[a-z]+\\.(js|css)}", (c) => send(path.join(webDir, "dist", c.req.param("file"))));
  return app;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildWeb();
  console.error("web: built web/dist");
}
