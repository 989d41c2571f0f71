// Chooses the embedder from configuration: a transformers.js model when it loads, else the built-in one.

import path from "node:path";
import type { Config } from "../config.js";
import { BuiltinEmbedder } from "./builtin-embedder.js";
import type { TextEmbedder } from "./embedder.js";
import { TransformersEmbedder } from "./transformers-embedder.js";

export type EmbedderConfig = Pick<
  Config,
  "embedder" | "embedModel" | "embedModelDir" | "embedDtype" | "embedAllowDownload" | "dataDir"
>;

/**
 * `builtin` never touches the network; `transformers` must load or throws; `auto` tries the
 * model and, when it cannot be loaded, says so in one line through `log` and uses the built-in one.
 */
export async function createEmbedder(
  config: EmbedderConfig,
  log: (line: string) => void = (l) => console.warn(l),
): Promise<TextEmbedder> {
  if (config.embedder === "builtin") return new BuiltinEmbedder();
  const model = config.embedModelDir ?? config.embedModel;
  try {
    return await TransformersEmbedder.load({
      model: config.embedModel,
      modelDir: config.embedModelDir,
      cacheDir: path.join(config.dataDir, "models"),
      dtype: config.embedDtype,
      allowDownload: config.embedAllowDownload,
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (config.embedder === "transformers")
      throw new Error(`embedding model ${model} could not be loaded: ${reason}`, { cause: err });
    log(`embedder: model ${model} could not be loaded (${reason.split("\n")[0]}); using the built-in offline embedder`);
    return new BuiltinEmbedder();
  }
}
