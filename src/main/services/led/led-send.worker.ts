/**
 * Job body of `led.send`: renders the notice's frame and uploads it to the board over serial or
 * TCP (bx/sender.ts retries each frame on NACK, timeout or a dropped link).
 */
import type { LedSendResult } from '../../../shared/api/led.ts';
import type { BoardProfile, Programme } from '../../../shared/led/index.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { sendNotice } from './send.ts';

export interface LedSendInput {
  boardId: number;
  noticeId: number;
  profile: BoardProfile;
  programme: Programme;
  atMs: number;
  retries: number;
  timeoutMs: number;
}

defineJobWorker<LedSendInput, LedSendResult>(async (input, tools) => {
  tools.progress(0);
  const report = await sendNotice(input.profile, input.programme, {
    atMs: input.atMs,
    retries: input.retries,
    timeoutMs: input.timeoutMs,
    signal: tools.signal,
    // The message is technical (frames acknowledged / total); the screen words the job by its kind.
    onProgress: ({ sentFrames, totalFrames, retries }) =>
      tools.progress(sentFrames / totalFrames, `${sentFrames}/${totalFrames}${retries ? ` (retries ${retries})` : ''}`),
  });
  return { boardId: input.boardId, noticeId: input.noticeId, ...report };
});
