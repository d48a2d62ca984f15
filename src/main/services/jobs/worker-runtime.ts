import fs from 'node:fs';
import { StudioError } from '../../../shared/errors.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export interface JobTools {
  /** Reports how far the work is (0..1, or null when unknown); cheap to call often. */
  progress(fraction: number | null, message?: string): void;
  signal: AbortSignal;
  /** Throws a `cancelled` error if the user cancelled; call between steps. */
  checkCancelled(): void;
}

const PROGRESS_INTERVAL_MS = 100;

declare global {
  // Set by process-bootstrap.mjs before the job module is imported.
  var __studioJobStart: Extract<ToWorker, { type: 'start' }> | undefined;
}

/** The body of a job module: runs once in its own process and reports back to the manager. */
export function defineJobWorker<I, R>(work: (input: I, tools: JobTools) => Promise<R> | R): void {
  const start = globalThis.__studioJobStart;
  if (!process.send || !start) throw new Error('defineJobWorker must run in a job process (see process-bootstrap.mjs)');
  const send = process.send.bind(process);
  const post = (message: FromWorker) => send(message);
  const controller = new AbortController();
  process.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') controller.abort();
  });
  let lastSent = 0;
  let lastLooked = 0;
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
      // would wait until the work ends; the manager also creates the cancel file: look for it.
      const now = Date.now();
      if (!controller.signal.aborted && now - lastLooked >= PROGRESS_INTERVAL_MS) {
        lastLooked = now;
        if (fs.existsSync(start.cancelFile)) controller.abort();
      }
      if (controller.signal.aborted) throw new StudioError('cancelled', 'cancelled by the user');
    },
  };
  // The last message, then the process ends: whatever the job left open (handles, native state)
  // dies with it, and the manager has its answer.
  const exit = () => process.exit(0);
  const last = (message: FromWorker) => {
    try {
      send(message, undefined, {}, exit);
    } catch (error) {
      // A result that cannot cross to the host (a function, a native handle) is the job's bug.
      send({ type: 'error', error: { code: 'internal', message: `job result not transferable: ${(error as Error).message}` } }, undefined, {}, exit);
    }
  };
  Promise.resolve()
    .then(() => work(start.input as I, tools))
    .then(
      (result) => last({ type: 'done', result }),
      (error: unknown) => {
        const code = error instanceof StudioError ? error.code : 'internal';
        last({ type: 'error', error: { code, message: error instanceof Error ? error.message : String(error) } });
      },
    );
}
