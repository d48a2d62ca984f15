import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { StudioError, systemErrorToStudioError } from '../../../shared/errors.ts';
import type { FromWorker, ToWorker, WorkerStart } from './protocol.ts';

export interface JobTools {
  /** Reports how far the work is (0..1, or null when unknown); cheap to call often. */
  progress(fraction: number | null, message?: string): void;
  signal: AbortSignal;
  /** Throws a `cancelled` error if the user cancelled; call between steps. */
  checkCancelled(): void;
}

const PROGRESS_INTERVAL_MS = 100;

/** The body of a job module: runs once in its worker thread and reports back to the manager. */
export function defineJobWorker<I, R>(work: (input: I, tools: JobTools) => Promise<R> | R): void {
  if (!parentPort) throw new Error('defineJobWorker must run inside a worker thread');
  const port = parentPort;
  const post = (message: FromWorker) => port.postMessage(message);
  const controller = new AbortController();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') controller.abort();
  });
  let lastSent = 0;
  const tools: JobTools = {
    signal: controller.signal,
    progress(fraction, message = '') {
      const now = Date.now();
      if (now - lastSent < PROGRESS_INTERVAL_MS && fraction !== 1) return;
      lastSent = now;
      post({ type: 'progress', progress: fraction === null ? null : Math.max(0, Math.min(1, fraction)), message });
    },
    checkCancelled() {
      // A synchronous loop (render, encode) never yields to the event loop, so the cancel message
      // would wait in the port until the work ends; take it from the port here instead.
      if (!controller.signal.aborted && (receiveMessageOnPort(port)?.message as ToWorker | undefined)?.type === 'cancel') controller.abort();
      if (controller.signal.aborted) throw new StudioError('cancelled', 'cancelled by the user');
    },
  };
  const { input } = workerData as WorkerStart<I>;
  Promise.resolve()
    .then(() => work(input, tools))
    .then(
      (result) => post({ type: 'done', result }),
      (error: unknown) => {
        const code = systemErrorToStudioError(error)?.code ?? 'internal'; // ENOSPC → disk_full, as in dispatch
        post({ type: 'error', error: { code, message: error instanceof Error ? error.message : String(error) } });
      },
    )
    .finally(() => port.close());
}
