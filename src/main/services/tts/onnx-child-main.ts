/**
 * The child process that runs ONNX work (see onnx-child.ts for why a process). Started through
 * onnx-child-bootstrap.mjs; talks to its parent over Electron's `process.parentPort` in a utility
 * process, over Node's IPC channel in a forked Node process.
 */
import { StudioError } from '../../../shared/errors.ts';
import { type JobTools, parentChannel } from '../jobs/index.ts';
import type { FromChild, ToChild } from './onnx-child.ts';

const parent = parentChannel<ToChild, FromChild>();

const controller = new AbortController();
const tools: JobTools = {
  signal: controller.signal,
  progress: (fraction, message = '') => parent.send({ type: 'progress', fraction, message }),
  checkCancelled: () => {
    if (controller.signal.aborted) throw new StudioError('cancelled', 'cancelled by the user');
  },
};

parent.listen(async (message) => {
  if (message.type === 'cancel') {
    controller.abort();
    return;
  }
  try {
    const result =
      message.task === 'synthesize'
        ? await (await import('./synthesize-file.ts')).synthesizeToFile(message.input as never, tools)
        : await (await import('./install-pack.ts')).installPack(message.input as never, tools);
    parent.send({ type: 'done', result });
  } catch (error) {
    // A coded error keeps its parameters: the screen words the refusal from them.
    const code = error instanceof StudioError ? error.code : 'internal';
    const details = error instanceof StudioError ? error.details : undefined;
    parent.send({ type: 'error', code, message: error instanceof Error ? error.message : String(error), details });
  }
  // The parent ends this process once it has the answer, without native teardown (see
  // onnx-child.ts). A plain Node child may leave by itself once its IPC channel is flushed.
  parent.leave();
});
