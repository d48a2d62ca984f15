/** Job `serial.sendFile`: sends one file to a receiver over YMODEM/XMODEM, in its own process. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type SendFileResult } from '../../../shared/api/serial.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { jobHooks, runSendJob, type SendJobInput } from './jobs.ts';

export type SendWorkerInput = SendJobInput & { portLabel: string };

defineJobWorker<SendWorkerInput, SendFileResult>(async (input, tools) => {
  const started = Date.now();
  const sha256 = createHash('sha256').update(fs.readFileSync(input.file)).digest('hex');
  const sent = await runSendJob(input, jobHooks(tools));
  return {
    name: input.name ?? path.basename(input.file),
    bytes: sent.bytes,
    sha256,
    protocol: input.protocol,
    port: input.portLabel,
    endConfirmed: sent.endConfirmed,
    seconds: (Date.now() - started) / 1000,
  };
});
