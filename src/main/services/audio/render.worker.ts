import { defineJobWorker } from '../jobs/index.ts';
import type { SinkResult } from './export-sink.ts';
import { runExport } from './mp3-loudness.ts';
import type { RenderInput } from './render-jobs.ts';

defineJobWorker<RenderInput, SinkResult>((input, job) => runExport(input, job));
