import fs from 'node:fs';
import { StudioError, systemErrorToStudioError } from '../../../shared/errors.ts';
import { relayChildrenThrough } from './child-link.ts';
import { parentChannel } from './child-parent.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export interface JobTools {
  /**
   * Reports how far the work is (0..1, or null when unknown); cheap to call often, as reports are
   * thinned out. A `milestone` (a new stage starting) always goes through, so a short stage is
   * still seen by whoever follows the job.
   */
  progress(fraction: number | null, message?: string, options?: { milestone?: boolean }): void;
  signal: AbortSignal;
  /** Throws a `cancelled` error if the user cancelled; call between steps. */
  checkCancelled(): void;
}

const PROGRESS_INTERVAL_MS = 100;

type Start = Extract<ToWorker, { type: 'start' }>;

/**
 * The body of a job module: runs once in its own process (started by process-bootstrap.mjs) and
 * reports back to the manager, over Node's IPC or an Electron utility process's parentPort.
 */
export function defineJobWorker<I, R>(work: (input: I, tools: JobTools) => Promise<R> | R): void {
  const channel = parentChannel<ToWorker, FromWorker>();
  const post = (message: FromWorker) => channel.send(message);
  const controller = new AbortController();
  const fromHost = relayChildrenThrough((request) => post({ type: 'host', request }));
  let start: Start | null = null;
  const started = new Promise<Start>((resolve) => {
    channel.listen((message) => {
      if (message.type === 'start' && !start) resolve((start = message));
      else if (message.type === 'cancel') controller.abort();
      else if (message.type === 'host') fromHost(message.message);
    });
  });
  // Asked for once we listen, so no message can arrive before anyone hears it.
  post({ type: 'ready' });
  let lastSent = 0;
  let lastLooked = 0;
  const tools: JobTools = {
    signal: controller.signal,
    progress(fraction, message = '', options) {
      const now = Date.now();
      if (now - lastSent < PROGRESS_INTERVAL_MS && fraction !== 1 && !options?.milestone) return;
      lastSent = now;
      post({ type: 'progress', progress: fraction === null ? null : Math.max(0, Math.min(1, fraction)), message });
    },
    checkCancelled() {
      // A synchronous loop (render, encode) never yields to the event loop, so the cancel message
      // would wait until the work ends; the manager also creates the cancel file: look for it.
      const now = Date.now();
      if (start && !controller.signal.aborted && now - lastLooked >= PROGRESS_INTERVAL_MS) {
        lastLooked = now;
        if (fs.existsSync(start.cancelFile)) controller.abort();
      }
      if (controller.signal.aborted) throw new StudioError('cancelled', 'cancelled by the user');
    },
  };
  // The last message. The manager ends the process when it has it: whatever the job left open
  // (handles, native state) dies with it. (A utility process cannot end itself once its message
  // is surely out, so the same rule holds for both kinds of child.)
  const last = (message: FromWorker) => {
    try {
      post(message);
    } catch (error) {
      // A result that cannot cross to the host (a function, a native handle) is the job's bug.
      post({ type: 'error', error: { code: 'internal', message: `job result not transferable: ${(error as Error).message}` } });
    }
  };
  started
    .then((begun) => work(begun.input as I, tools))
    .then(
      (result) => last({ type: 'done', result }),
      (error: unknown) => {
        // ENOSPC → disk_full, as in dispatch; a coded error keeps its parameters for the screen's sentence.
        const typed = systemErrorToStudioError(error);
        last({ type: 'error', error: typed ? typed.toPayload() : { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
      },
    );
}
