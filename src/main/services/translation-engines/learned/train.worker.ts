import { defineJobWorker } from '../../jobs/index.ts';
import { writeModel, type ModelHeader } from './model-file.ts';
import type { TextPair } from './pairs.ts';
import { trainModel } from './train.ts';

export interface TrainJobInput {
  pairs: TextPair[];
  from: string;
  to: string;
  modelDir: string;
}

export interface TrainJobResult {
  file: string;
  header: ModelHeader;
}

/** Trains the learned engine in its own thread and writes the model file into place. */
defineJobWorker<TrainJobInput, TrainJobResult>(({ pairs, from, to, modelDir }, job) => {
  const model = trainModel(pairs, { from, to, signal: job.signal, onProgress: (fraction, stage) => job.progress(fraction * 0.95, stage) });
  job.checkCancelled();
  job.progress(0.96, 'write');
  const file = writeModel(modelDir, model);
  return { file, header: model.header };
});
