/** Job `serial.flash`: checks, identifies, erases, writes and verifies, in its own process. */
import { type FlashResult } from '../../../shared/api/serial.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { jobHooks, runFlashJob, type FlashJobInput } from './jobs.ts';

defineJobWorker<FlashJobInput, FlashResult>(async (input, tools) => {
  const started = Date.now();
  const flashed = await runFlashJob(input, jobHooks(tools));
  return { ...flashed, port: input.port.path, protocol: input.protocol, seconds: (Date.now() - started) / 1000 };
});
