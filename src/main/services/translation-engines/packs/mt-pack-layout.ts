/**
 * Recognises a neural translation pack's layout in a folder, without loading anything. A pack is
 * a transformers.js export: config.json, tokenizer.json, tokenizer_config.json,
 * generation_config.json (optional) and onnx/encoder_model(_quantized).onnx +
 * onnx/decoder_model_merged(_quantized).onnx. The layout decides how languages are given:
 *  - marian: one pair per model (a `>>tyz<<` prefix picks the target in multi-target ones);
 *  - m2m100: `__vi__` language tokens; nllb (M2M100 weights, NLLB tokenizer): `vie_Latn` tokens;
 *  - t5 (MADLAD-400 and fine-tunes): a `<2tyz>` prefix on the source text.
 * A pack whose files sit in one top folder (as zips often are) is looked for inside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../../shared/errors.ts';
import { readJson } from '../../model-packs/index.ts';

export const MT_LAYOUTS = ['marian', 'm2m100', 'nllb', 't5'] as const;
export type MtLayout = (typeof MT_LAYOUTS)[number];

/** q8: the `_quantized` ONNX files (smaller, faster on a commune PC); preferred where present. */
export type MtDtype = 'q8' | 'fp32';

export interface MtPackLayout {
  layout: MtLayout;
  root: string;
  dtype: MtDtype;
  /** The ONNX files the loader will open, relative to root. */
  modelFiles: string[];
}

const IGNORED = new Set(['__MACOSX', '.DS_Store']);

const brokenPack = (problem: string, message: string, details: Record<string, unknown> = {}) =>
  new StudioError('unsupported_format', message, { problem, ...details });

function packRoot(dir: string): string {
  const list = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !IGNORED.has(e.name));
  return list.length === 1 && list[0]!.isDirectory() ? path.join(dir, list[0]!.name) : dir;
}

function layoutOf(modelType: unknown, tokenizerClass: unknown): MtLayout | null {
  if (modelType === 'marian') return 'marian';
  if (modelType === 'm2m_100') return tokenizerClass === 'NllbTokenizer' || tokenizerClass === 'NllbTokenizerFast' ? 'nllb' : 'm2m100';
  if (modelType === 't5' || modelType === 'mt5') return 't5';
  return null;
}

export function detectMtLayout(dir: string): MtPackLayout {
  const root = packRoot(dir);
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
    if (!fs.existsSync(path.join(root, file))) throw brokenPack('missing_file', `translation pack has no ${file}`, { file });
  }
  const config = readJson(path.join(root, 'config.json'));
  const tokenizerConfig = readJson(path.join(root, 'tokenizer_config.json'));
  const layout = layoutOf(config.model_type, tokenizerConfig.tokenizer_class);
  if (!layout) {
    throw brokenPack('wrong_layout', `model type ${String(config.model_type)} is not a Marian, M2M100/NLLB or T5/MADLAD translation model`, {
      modelType: String(config.model_type ?? ''),
    });
  }
  const files = (suffix: string) => [`onnx/encoder_model${suffix}.onnx`, `onnx/decoder_model_merged${suffix}.onnx`];
  const present = (list: string[]) => list.every((file) => fs.existsSync(path.join(root, file)));
  if (present(files('_quantized'))) return { layout, root, dtype: 'q8', modelFiles: files('_quantized') };
  if (present(files(''))) return { layout, root, dtype: 'fp32', modelFiles: files('') };
  const missing = [...files('_quantized'), ...files('')].find((file) => !fs.existsSync(path.join(root, file)))!;
  throw brokenPack('missing_file', `translation pack has no ${missing} (an encoder and a merged decoder are needed)`, { file: missing });
}
