// What the server is serving: nothing while the index builds, then the loaded index and its parts.

import type { Answerer } from "../answer/answerer.js";
import type { TextEmbedder } from "../index/embedder.js";
import type { BuiltIndex } from "../index/index-store.js";
import type { Article } from "../index/types.js";

export interface ReadyState {
  index: BuiltIndex;
  embedder: TextEmbedder;
  answerer: Answerer;
  articlesById: Map<string, Article>;
}

/** Holds the ready state once the index is loaded; routes that need it answer 503 before. */
export class ServiceState {
  private ready?: ReadyState;
  status: "starting" | "ready" | "failed" = "starting";
  failure?: string;

  setReady(index: BuiltIndex, embedder: TextEmbedder, answerer: Answerer): void {
    this.ready = { index, embedder, answerer, articlesById: new Map(index.articles.map((a) => [a.id, a])) };
    this.status = "ready";
  }

  setFailed(message: string): void {
    this.status = "failed";
    this.failure = message;
  }

  get(): ReadyState | undefined {
    return this.ready;
  }
}
