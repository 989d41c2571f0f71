// `npm start`: serves the API and chat at once, then loads (or builds) the index in the background.

import path from "node:path";
import { serve } from "@hono/node-server";
import { loadConfig } from "./config.js";
import { createApp } from "./http/app.js";
import { ServiceState } from "./http/state.js";
import { ensureIndex } from "./index/build-index.js";
import { createEmbedder } from "./index/create-embedder.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (l: string) => console.error(l);
  const state = new ServiceState();
  const app = createApp({ state, log });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) =>
    log(`listening on http://${config.host}:${info.port}/`),
  );
  server.on("error", (err: NodeJS.ErrnoException) => {
    log(`server: cannot listen on ${config.host}:${config.port}: ${err.code ?? err.message}`);
    process.exit(1);
  });
  try {
    const embedder = await createEmbedder(config, log);
    const r = await ensureIndex(
      { articlesDir: config.articlesDir, indexDir: path.join(config.dataDir, "index") },
      embedder,
      { progress: true, log },
    );
    state.setReady(r.index, embedder);
    const m = r.index.manifest;
    log(`ready: ${m.counts.articles} articles, ${m.counts.chunks} chunks, embedder ${embedder.id}`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    state.setFailed(message);
    log(`index: ${message}`);
  }
}

void main();
