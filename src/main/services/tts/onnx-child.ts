/**
 * ONNX work (Piper, VITS, pack validation) runs in a child process, one per job.
 * Why not in the job's worker thread: onnxruntime-node keeps process-wide native state that does
 * not survive its loading thread exiting — the next worker fails with "Module did not
 * self-register", or (with the addon kept loaded) the heap is corrupted ("double free"). A process
 * per job isolates that completely, and a crash in native code cannot take the studio down.
 *
 * This module is both sides: `runInChild` (called from a job worker) and the child's main.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { StudioError, type ErrorCode } from '../../../shared/errors.ts';
import type { JobTools } from '../jobs/worker-runtime.ts';

type Task = 'synthesize' | 'install';
type ToChild = { type: 'run'; task: Task; input: unknown } | { type: 'cancel' };
type FromChild =
  | { type: 'progress'; fraction: number | null; message: string }
  | { type: 'done'; result: unknown }
  | { type: 'error'; code: string; message: string };

const BOOTSTRAP = fileURLToPath(new URL('./onnx-child-bootstrap.mjs', import.meta.url));
const CANCEL_GRACE_MS = 1500;

export function runInChild<R>(task: Task, input: unknown, job: JobTools): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const child: ChildProcess = fork(BOOTSTRAP, [fileURLToPath(import.meta.url)], {
      // Inside Electron, execPath is the app binary: run it as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', STUDIO_ONNX_CHILD: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
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
      setTimeout(() => child.kill('SIGKILL'), CANCEL_GRACE_MS).unref();
    };
    job.signal.addEventListener('abort', onAbort);
    child.on('message', (message: FromChild) => {
      if (message.type === 'progress') job.progress(message.fraction, message.message);
      else if (message.type === 'done') finish(() => resolve(message.result as R));
      else finish(() => reject(new StudioError(message.code as ErrorCode, message.message)));
    });
    child.on('exit', (code, signal) => {
      finish(() =>
        reject(
          job.signal.aborted
            ? new StudioError('cancelled', 'cancelled by the user')
            : new StudioError('internal', `the speech engine stopped unexpectedly (${signal ?? `exit code ${code}`})`),
        ),
      );
    });
    child.send({ type: 'run', task, input } satisfies ToChild);
  });
}

async function childMain(): Promise<void> {
  const controller = new AbortController();
  const send = (message: FromChild) => process.send!(message);
  const tools: JobTools = {
    signal: controller.signal,
    progress: (fraction, message = '') => send({ type: 'progress', fraction, message }),
    checkCancelled: () => {
      if (controller.signal.aborted) throw new StudioError('cancelled', 'cancelled by the user');
    },
  };
  process.on('message', async (message: ToChild) => {
    if (message.type === 'cancel') {
      controller.abort();
      return;
    }
    try {
      const result =
        message.task === 'synthesize'
          ? await (await import('./synthesize-file.ts')).synthesizeToFile(message.input as never, tools)
          : await (await import('./install-pack.ts')).installPack(message.input as never, tools);
      send({ type: 'done', result });
    } catch (error) {
      const code = error instanceof StudioError ? error.code : 'internal';
      send({ type: 'error', code, message: error instanceof Error ? error.message : String(error) });
    }
    // Exit without running native teardown (see above); the parent has the answer.
    process.disconnect();
    setImmediate(() => process.exit(0));
  });
}

if (process.env.STUDIO_ONNX_CHILD === '1' && process.send && process.argv[2] === fileURLToPath(import.meta.url)) {
  void childMain();
}
