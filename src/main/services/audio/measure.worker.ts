import type { LoudnessResult } from '../../../shared/api/audio.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { runMeasure, type MeasureInput } from './render-jobs.ts';

defineJobWorker<MeasureInput, LoudnessResult>((input, job) => runMeasure(input, job));
