/** Runs an OutputStage on a worker thread, with the same push/finish calls as the in-thread one. */
import { Worker } from 'node:worker_threads';
import type { LoudnessResult } from '../../../shared/api/audio.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { ToStage } from './output-stage.worker.ts';
import { workerPath, workerUrl } from '../jobs/index.ts';

/** The job workers' bootstrap: it registers tsx for .ts entries, then imports the entry. */
const BOOTSTRAP = workerPath('jobs/worker-bootstrap.mjs');
const ENTRY = workerUrl('tts/output-stage.worker.ts');

export interface OutputSink {
  push(samples: Float32Array, pauseMs: number): void;
  finish(): Promise<{ samples: Float32Array; loudness: LoudnessResult }>;
  /** Stops the thread (after a failure or a cancel). */
  abort(): void;
}

export function startOutputStage(fromRate: number, toRate: number): OutputSink {
  const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY.href, input: { fromRate, toRate } } });
  let failure: Error | null = null;
  worker.on('error', (error) => (failure = error));
  return {
    push(samples, pauseMs) {
      // A copy is transferred: the caller's array may be a view into a cached buffer.
      const copy = samples.slice();
      worker.postMessage({ type: 'push', samples: copy, pauseMs } satisfies ToStage, [copy.buffer]);
    },
    finish() {
      return new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        worker.once('error', reject);
        worker.once('message', (message: { type: 'done'; samples: Float32Array; loudness: LoudnessResult } | { type: 'error'; message: string }) => {
          void worker.terminate();
          if (message.type === 'done') resolve({ samples: message.samples, loudness: message.loudness });
          else reject(new StudioError('internal', `output stage: ${message.message}`));
        });
        worker.postMessage({ type: 'finish' } satisfies ToStage);
      });
    },
    abort() {
      void worker.terminate();
    },
  };
}
