import { defineJobWorker } from '../jobs/worker-runtime.ts';
import type { SinkResult } from './export-sink.ts';
import { runRender, type RenderInput } from './render-jobs.ts';

defineJobWorker<RenderInput, SinkResult>((input, job) => runRender(input, job));
