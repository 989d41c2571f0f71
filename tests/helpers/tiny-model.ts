// Writes a tiny but real transformers.js model folder: an ONNX graph (embedding table + Gather + mask) and a WordPiece tokenizer.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import onnxProto from "onnx-proto";

// onnx-proto is CommonJS: its namespace hangs off the default export.
const { onnx } = onnxProto;
type onnx = typeof onnx;

const SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

/** Deterministic pseudo-random numbers (mulberry32), so the model is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tensorType(elemType: number, dims: string[]) {
  return { tensorType: { elemType, shape: { dim: dims.map((d) => ({ dimParam: d })) } } };
}

/** Vocabulary: specials, then every distinct character of `texts` (BERT splits Han per character), then a–z, 0–9. */
function buildVocab(texts: string[]): string[] {
  const chars = new Set<string>();
  for (const t of texts) for (const ch of t.toLowerCase()) if (!/\s/.test(ch)) chars.add(ch);
  for (const ch of "abcdefghijklmnopqrstuvwxyz0123456789") chars.add(ch);
  return [...SPECIALS, ...[...chars].sort()];
}

function onnxModel(vocabSize: number, dim: number, seed: number): Uint8Array {
  const r = rng(seed);
  const table = new Float32Array(vocabSize * dim);
  for (let i = 0; i < table.length; i++) table[i] = r() * 2 - 1;
  const axes = new BigInt64Array([-1n]);
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "union-news-qa tiny-model",
    opsetImport: [{ domain: "", version: 13 }],
    graph: {
      name: "tiny-embedder",
      initializer: [
        { name: "embeddings", dims: [vocabSize, dim], dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(table.buffer) },
        { name: "axes", dims: [1], dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(axes.buffer) },
      ],
      node: [
        { name: "gather", opType: "Gather", input: ["embeddings", "input_ids"], output: ["gathered"], attribute: [{ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: 0 }] },
        { name: "cast", opType: "Cast", input: ["attention_mask"], output: ["mask_f"], attribute: [{ name: "to", type: onnx.AttributeProto.AttributeType.INT, i: onnx.TensorProto.DataType.FLOAT }] },
        { name: "unsqueeze", opType: "Unsqueeze", input: ["mask_f", "axes"], output: ["mask_3d"] },
        { name: "mul", opType: "Mul", input: ["gathered", "mask_3d"], output: ["last_hidden_state"] },
      ],
      input: [
        { name: "input_ids", type: tensorType(onnx.TensorProto.DataType.INT64, ["batch", "sequence"]) },
        { name: "attention_mask", type: tensorType(onnx.TensorProto.DataType.INT64, ["batch", "sequence"]) },
      ],
      output: [{ name: "last_hidden_state", type: tensorType(onnx.TensorProto.DataType.FLOAT, ["batch", "sequence", String(dim)]) }],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocab: string[]): unknown {
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }, { Sequence: { id: "B", type_id: 1 } }, { SpecialToken: { id: "[SEP]", type_id: 1 } }],
      special_tokens: { "[CLS]": { id: "[CLS]", ids: [2], tokens: ["[CLS]"] }, "[SEP]": { id: "[SEP]", ids: [3], tokens: ["[SEP]"] } },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab: ids },
  };
}

/**
 * Writes `dir` in the transformers.js layout (config.json, tokenizer.json, tokenizer_config.json,
 * onnx/model.onnx and onnx/model_quantized.onnx) so the real loading code path can run offline.
 */
export async function writeTinyModel(dir: string, texts: string[], opts: { dim?: number; seed?: number } = {}): Promise<{ dim: number; vocabSize: number }> {
  const dim = opts.dim ?? 32;
  const vocab = buildVocab(texts);
  await mkdir(path.join(dir, "onnx"), { recursive: true });
  const model = onnxModel(vocab.length, dim, opts.seed ?? 7);
  await writeFile(path.join(dir, "onnx", "model.onnx"), model);
  await writeFile(path.join(dir, "onnx", "model_quantized.onnx"), model);
  await writeFile(path.join(dir, "tokenizer.json"), JSON.stringify(tokenizerJson(vocab)));
  await writeFile(
    path.join(dir, "tokenizer_config.json"),
    JSON.stringify({ tokenizer_class: "BertTokenizer", do_lower_case: true, model_max_length: 512, cls_token: "[CLS]", sep_token: "[SEP]", pad_token: "[PAD]", unk_token: "[UNK]", mask_token: "[MASK]" }),
  );
  await writeFile(
    path.join(dir, "config.json"),
    JSON.stringify({ model_type: "bert", architectures: ["BertModel"], hidden_size: dim, vocab_size: vocab.length, max_position_embeddings: 512 }),
  );
  return { dim, vocabSize: vocab.length };
}
