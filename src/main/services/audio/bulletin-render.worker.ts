import { defineJobWorker } from '../jobs/index.ts';
import type { SinkResult } from './export-sink.ts';
import { runBulletinRender, type BulletinRenderInput } from './render-jobs.ts';

defineJobWorker<BulletinRenderInput, SinkResult>((input, job) => runBulletinRender(input, job));
