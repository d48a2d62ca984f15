/** Job `serial.flash`: checks, identifies, erases, writes and verifies, in its own process. */
import { formatSerialProgress, type FlashResult } from '../../../shared/api/serial.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { runFlashJob, type FlashJobInput } from './jobs.ts';

defineJobWorker<FlashJobInput, FlashResult>(async (input, tools) => {
  const started = Date.now();
  const flashed = await runFlashJob(input, { signal: tools.signal, progress: (fraction, detail) => tools.progress(fraction, formatSerialProgress(detail)) });
  return { ...flashed, port: input.port.path, protocol: input.protocol, seconds: (Date.now() - started) / 1000 };
});
