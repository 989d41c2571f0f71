// Parses the environment once into a typed, validated configuration; nothing else reads process.env.

import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default(".data"),
  ARTICLES_DIR: z.string().min(1).default("data/articles"),
  /** auto: a transformers.js model when one loads, else the built-in embedder. */
  EMBEDDER: z.enum(["auto", "builtin", "transformers"]).default("auto"),
  EMBED_MODEL: z.string().min(1).default("Xenova/multilingual-e5-small"),
  EMBED_MODEL_DIR: z.string().min(1).optional(),
  EMBED_DTYPE: z.enum(["fp32", "fp16", "q8", "int8", "uint8", "q4", "bnb4", "q4f16", "auto"]).default("q8"),
  EMBED_ALLOW_DOWNLOAD: bool.default(true),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(20000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(20),
  CORS_ORIGINS: z.string().default(""),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  articlesDir: string;
  embedder: "auto" | "builtin" | "transformers";
  embedModel: string;
  embedModelDir?: string;
  embedDtype: string;
  embedAllowDownload: boolean;
  llm?: { baseUrl: string; model: string; apiKey?: string; timeoutMs: number };
  rateLimit: { perMinute: number; burst: number };
  corsOrigins: string[];
  logLevel: string;
}

/** Parses `env` (default: process.env); throws one readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const r = schema.safeParse(cleaned);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join("\n")}`);
  }
  const e = r.data;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    articlesDir: path.resolve(e.ARTICLES_DIR),
    embedder: e.EMBEDDER,
    embedModel: e.EMBED_MODEL,
    embedDtype: e.EMBED_DTYPE,
    embedAllowDownload: e.EMBED_ALLOW_DOWNLOAD,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
    corsOrigins: e.CORS_ORIGINS.split(",").map((s) => s.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
  };
  if (e.EMBED_MODEL_DIR) config.embedModelDir = path.resolve(e.EMBED_MODEL_DIR);
  if (e.LLM_BASE_URL && e.LLM_MODEL)
    config.llm = { baseUrl: e.LLM_BASE_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_MS };
  return config;
}
