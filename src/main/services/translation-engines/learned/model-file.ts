/**
 * The learned model as a file: gzip-compressed JSON with a header naming the language pair, the
 * number of training pairs and a hash of them (so the studio knows which translation memory a
 * model came from and when to retrain), written under a temporary name and renamed into place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { StudioError } from '../../../../shared/errors.ts';
import { PartFile } from '../../storage/index.ts';
import type { DecodeSettings } from './decoder.ts';
import type { LanguageModelData } from './language-model.ts';
import type { PhraseEntry } from './phrases.ts';

export const MODEL_FORMAT = 'studio.learned-mt';
export const MODEL_FORMAT_VERSION = 1;

export interface ModelHeader {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  from: string;
  to: string;
  pairCount: number;
  /** sha256 of the sorted, normalised training pairs: equal for the same pairs in any order. */
  pairsSha256: string;
  trainedAt: string;
  trainingSeconds: number;
}

export interface ModelData {
  header: ModelHeader;
  settings: DecodeSettings;
  phrases: Array<[string, PhraseEntry[]]>;
  languageModel: LanguageModelData;
}

export const modelFileName = (from: string, to: string) => `learned-${from}-${to}.mtmodel.gz`;

export function writeModel(dir: string, model: ModelData): string {
  const file = path.join(dir, modelFileName(model.header.from, model.header.to));
  const part = new PartFile(file);
  try {
    part.write(gzipSync(Buffer.from(JSON.stringify(model)), { level: 6 }));
    part.commit();
  } catch (error) {
    part.abort();
    throw new StudioError('io_error', `cannot write the model ${file}`, { cause: String(error) });
  }
  return file;
}

export function readModel(file: string): ModelData {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new StudioError(missing ? 'not_found' : 'io_error', `model ${file}`);
  }
  let model: ModelData;
  try {
    model = JSON.parse(gunzipSync(bytes).toString('utf8')) as ModelData;
  } catch {
    throw new StudioError('unsupported_format', `not a learned translation model: ${file}`);
  }
  if (model?.header?.format !== MODEL_FORMAT || !Array.isArray(model.phrases) || !model.languageModel) {
    throw new StudioError('unsupported_format', `not a learned translation model: ${file}`);
  }
  if (model.header.formatVersion !== MODEL_FORMAT_VERSION) {
    throw new StudioError('unsupported_format', `model format version ${model.header.formatVersion}, expected ${MODEL_FORMAT_VERSION}: retrain`, { file });
  }
  return model;
}
