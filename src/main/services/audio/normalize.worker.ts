import { defineJobWorker } from '../jobs/index.ts';
import { runNormalize, type NormalizeInput, type NormalizeOutput } from './render-jobs.ts';

defineJobWorker<NormalizeInput, NormalizeOutput>((input, job) => runNormalize(input, job));
