// transformers.js feature-extraction embedder (e5-style prefixes) through LangChain's HuggingFaceTransformersEmbeddings.

import path from "node:path";
import { HuggingFaceTransformersEmbeddings } from "@langchain/community/embeddings/huggingface_transformers";
import type { PretrainedOptions } from "@huggingface/transformers";
import type { TextEmbedder } from "./embedder.js";
import { ProgressBar } from "./progress.js";

export interface TransformersEmbedderOptions {
  /** Hub id, e.g. `Xenova/multilingual-e5-small`. Ignored when `modelDir` is set. */
  model: string;
  /** A local folder in the transformers.js layout (config.json, tokenizer.json, onnx/…). */
  modelDir?: string;
  /** Where downloaded models are cached. */
  cacheDir: string;
  dtype: string;
  allowDownload: boolean;
  /** e5 models expect `query: ` / `passage: ` prefixes; other models may not. */
  prefixes?: { query: string; passage: string };
}

/** Prefixes for a model id: e5 family gets the ones it was trained with. */
export function prefixesFor(model: string): { query: string; passage: string } {
  return /e5/i.test(model) ? { query: "query: ", passage: "passage: " } : { query: "", passage: "" };
}

export class TransformersEmbedder implements TextEmbedder {
  readonly id: string;
  dimension = 0;
  private readonly inner: HuggingFaceTransformersEmbeddings;
  private readonly prefixes: { query: string; passage: string };

  private constructor(opts: TransformersEmbedderOptions, modelId: string) {
    this.prefixes = opts.prefixes ?? prefixesFor(modelId);
    this.id = `transformers:${opts.modelDir ?? modelId}:${opts.dtype}`;
    const bars = new Map<string, ProgressBar>();
    this.inner = new HuggingFaceTransformersEmbeddings({
      model: modelId,
      batchSize: 16,
      // `dtype` is a model option the pipeline passes on; LangChain's type only lists the shared ones.
      pretrainedOptions: {
        dtype: opts.dtype,
        cache_dir: opts.cacheDir,
        // Download progress, one bar per file; a local folder is read, not downloaded, so no bars.
        progress_callback: (e: { status: string; file?: string; loaded?: number; total?: number }) => {
          if (opts.modelDir || e.status !== "progress" || !e.file || !e.total) return;
          let bar = bars.get(e.file);
          if (!bar) bars.set(e.file, (bar = new ProgressBar(`download ${e.file}`, e.total, "bytes")));
          bar.update(e.loaded ?? 0);
          if ((e.loaded ?? 0) >= e.total) bar.done();
        },
      } as PretrainedOptions,
    });
  }

  /**
   * Loads the model and probes its dimension; throws when it cannot be loaded (no local copy
   * and downloads impossible), so callers can fall back to the built-in embedder.
   */
  static async load(opts: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const { env } = await import("@huggingface/transformers");
    env.cacheDir = opts.cacheDir;
    let modelId = opts.model;
    if (opts.modelDir) {
      env.localModelPath = path.dirname(opts.modelDir);
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      modelId = path.basename(opts.modelDir);
    } else {
      env.allowLocalModels = false;
      env.allowRemoteModels = opts.allowDownload;
    }
    const e = new TransformersEmbedder(opts, modelId);
    const probe = await e.inner.embedQuery("probe");
    e.dimension = probe.length;
    return e;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return this.inner.embedDocuments(texts.map((t) => this.prefixes.passage + t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.inner.embedQuery(this.prefixes.query + text);
  }
}
