import { importAudio, type ImportInput } from '../audio/import-audio.ts';
import { defineJobWorker } from '../jobs/worker-runtime.ts';
import type { NewAsset } from './assets.ts';

export type ImportAssetInput = ImportInput;

/**
 * asset.import: the same import as audio.import (same recognition, validation, hash of the stored
 * file, peaks and loudness), so one file gives one outcome whichever request brought it in.
 */
defineJobWorker<ImportAssetInput, NewAsset>(async (input, job) => {
  const { format: _format, loudness, ...asset } = await importAudio(input, job);
  return { ...asset, loudness };
});
