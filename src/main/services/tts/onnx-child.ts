/**
 * ONNX work (Piper, VITS, pack validation) runs in a child process, one per job.
 * Why not in the job's worker thread: onnxruntime-node keeps process-wide native state that does
 * not survive its loading thread exiting — the next worker fails with "Module did not
 * self-register", or (with the addon kept loaded) the heap is corrupted ("double free"). A process
 * per job isolates that completely, and a crash in native code cannot take the studio down.
 *
 * This is the parent's side (`runInChild`, called from a job worker); the child is
 * onnx-child-main.ts, started as a Node child process or an Electron utility process
 * (jobs/child-link.ts).
 */
import { StudioError, type ErrorCode } from '../../../shared/errors.ts';
import { type JobTools, workerPath, workerUrl, startChild } from '../jobs/index.ts';

type Task = 'synthesize' | 'install';
export type ToChild = { type: 'run'; task: Task; input: unknown } | { type: 'cancel' };
export type FromChild =
  | { type: 'progress'; fraction: number | null; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code: string; message: string; details?: unknown };

const CANCEL_GRACE_MS = 1500;

export function runInChild<R>(task: Task, input: unknown, job: JobTools): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const child = startChild(workerPath('tts/onnx-child-bootstrap.mjs'), {
      STUDIO_ONNX_CHILD_ENTRY: workerUrl('tts/onnx-child-main.ts').href,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      child.send({ type: 'cancel' } satisfies ToChild);
      setTimeout(() => child.kill(), CANCEL_GRACE_MS).unref();
    };
    job.signal.addEventListener('abort', onAbort);
    child.onMessage((raw) => {
      const message = raw as FromChild;
      if (message.type === 'progress') job.progress(message.fraction, message.message);
      else {
        // The answer is in: end the process without its native teardown (see above).
        child.kill();
        if (message.type === 'done') finish(() => resolve(message.result as R));
        else finish(() => reject(new StudioError(message.code as ErrorCode, message.message, message.details)));
      }
    });
    child.onExit((description) => {
      finish(() =>
        reject(
          job.signal.aborted
            ? new StudioError('cancelled', 'cancelled by the user')
            : new StudioError('internal', `the speech engine stopped unexpectedly (${description})`),
        ),
      );
    });
    child.send({ type: 'run', task, input } satisfies ToChild);
  });
}
