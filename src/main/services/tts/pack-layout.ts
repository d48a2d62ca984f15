/**
 * Recognises a voice pack's layout in a folder, without loading anything:
 *  - Piper: `<name>.onnx` with `<name>.onnx.json` beside it;
 *  - VITS / MMS (transformers.js): `config.json`, `tokenizer.json`, `onnx/model.onnx`.
 * A pack whose files sit in one top folder (as zips often are) is looked for inside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors.ts';

export type PackLayout =
  | { engine: 'piper'; root: string; model: string; config: string }
  | { engine: 'vits'; root: string; model: string; config: string };

const IGNORED = new Set(['__MACOSX', '.DS_Store']);

function entries(dir: string): fs.Dirent[] {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !IGNORED.has(e.name));
}

export function detectLayout(dir: string): PackLayout {
  let root = dir;
  let list = entries(root);
  if (list.length === 1 && list[0]!.isDirectory()) {
    root = path.join(root, list[0]!.name);
    list = entries(root);
  }
  const names = new Set(list.filter((e) => e.isFile()).map((e) => e.name));
  if (names.has('config.json') && fs.existsSync(path.join(root, 'onnx', 'model.onnx'))) {
    if (!names.has('tokenizer.json')) {
      throw new StudioError('unsupported_format', 'VITS pack has no tokenizer.json', { reason: 'pack_missing_file', file: 'tokenizer.json' });
    }
    return { engine: 'vits', root, model: path.join(root, 'onnx', 'model.onnx'), config: path.join(root, 'config.json') };
  }
  const onnx = [...names].filter((n) => n.endsWith('.onnx'));
  if (onnx.length > 1) throw new StudioError('unsupported_format', `several models in one pack: ${onnx.join(', ')}`, { reason: 'pack_several_models', files: onnx.join(', ') });
  if (onnx.length === 1) {
    const model = path.join(root, onnx[0]!);
    const config = names.has(`${onnx[0]}.json`) ? `${model}.json` : names.has('config.json') ? path.join(root, 'config.json') : null;
    if (!config) {
      throw new StudioError('unsupported_format', `missing Piper config ${onnx[0]}.json`, { reason: 'piper_config_missing', file: `${onnx[0]}.json` });
    }
    return { engine: 'piper', root, model, config };
  }
  if (names.has('config.json')) {
    throw new StudioError('unsupported_format', 'VITS pack has no onnx/model.onnx', { reason: 'pack_missing_file', file: 'onnx/model.onnx' });
  }
  throw new StudioError('unsupported_format', 'no .onnx voice model in the pack', { reason: 'pack_no_model' });
}
