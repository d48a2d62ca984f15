/** Job `serial.receiveFile`: fetches files (a device's log) over YMODEM/XMODEM into a folder, in its own process. */
import { type ReceiveFileResult } from '../../../shared/api/serial.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { jobHooks, runReceiveJob, type ReceiveJobInput } from './jobs.ts';

defineJobWorker<ReceiveJobInput, ReceiveFileResult>(async (input, tools) => {
  const started = Date.now();
  const files = await runReceiveJob(input, jobHooks(tools));
  return { files, dest: input.dest, protocol: input.protocol, port: input.port.path, seconds: (Date.now() - started) / 1000 };
});
