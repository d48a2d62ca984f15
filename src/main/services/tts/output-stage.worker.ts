/** The output stage on its own thread (see output-stage.ts); plain messages, buffers transferred. */
import { parentPort, workerData } from 'node:worker_threads';
import { OutputStage } from './output-stage.ts';

export type ToStage = { type: 'push'; samples: Float32Array; pauseMs: number } | { type: 'finish' };

const { fromRate, toRate } = (workerData as { input: { fromRate: number; toRate: number } }).input;
const stage = new OutputStage(fromRate, toRate);
parentPort!.on('message', (message: ToStage) => {
  if (message.type === 'push') {
    stage.push(message.samples, message.pauseMs);
    return;
  }
  try {
    const result = stage.finish();
    parentPort!.postMessage({ type: 'done', ...result }, [result.samples.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
