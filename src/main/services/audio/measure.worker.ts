import type { LoudnessResult } from '../../../shared/api/audio.ts';
import { defineJobWorker } from '../jobs/worker-runtime.ts';
import { runMeasure, type MeasureInput } from './render-jobs.ts';

defineJobWorker<MeasureInput, LoudnessResult>((input, job) => runMeasure(input, job));
