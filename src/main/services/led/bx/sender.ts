/**
 * Sends a bitmap to a BX board frame by frame: each frame waits for the board's answer; a NACK,
 * a timeout or a dropped link retries that frame (reopening the link if needed) up to `retries`
 * times, then fails with a coded error. Progress counts payload bytes acknowledged.
 */
import { StudioError } from '../../../../shared/errors';
import { CMD_PING, command, dotMatrixChunks, parseAnswer, type DotMatrixArea } from './commands';
import { LinkClosedError, type BxLink } from './link';

export interface SendOptions {
  /** Opens (or reopens after a drop) the link to the board. */
  openLink: () => Promise<BxLink>;
  address: number;
  timeoutMs?: number;
  retries?: number;
  signal?: AbortSignal;
  onProgress?: (progress: { sentFrames: number; totalFrames: number; retries: number }) => void;
}

export interface SendReport {
  frames: number;
  retries: number;
  bytesOnWire: number;
}

type Failure =
  | { reason: 'board_no_answer' }
  | { reason: 'board_refused'; errorCode: number }
  | { reason: 'link_dropped' }
  | { reason: 'cannot_connect'; cause: string };

/** The system's own error text (ECONNREFUSED, "No such file or directory"), kept for the log. */
const errorText = (error: unknown): string =>
  error instanceof Error ? ('code' in error && typeof error.code === 'string' ? error.code : error.message) : String(error);

export async function sendFrames(datas: Uint8Array[], options: SendOptions): Promise<SendReport> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxRetries = options.retries ?? 3;
  let link: BxLink | undefined;
  let retries = 0;
  let bytesOnWire = 0;
  const cancelled = (): StudioError => new StudioError('cancelled', 'led.send');
  const close = (): void => {
    if (link) bytesOnWire += link.bytesWritten;
    link?.close();
    link = undefined;
  };
  try {
    for (const [index, data] of datas.entries()) {
      let failure: Failure | undefined;
      for (let attempt = 0; attempt <= maxRetries; attempt++) {
        if (options.signal?.aborted) throw cancelled();
        if (attempt > 0) retries++;
        try {
          link ??= await options.openLink();
          link.discardPending();
          await link.send(options.address, data);
          const packet = await link.nextPacket(timeoutMs, options.signal);
          if (packet === null) {
            failure = { reason: 'board_no_answer' };
            continue;
          }
          const answer = parseAnswer(packet.data);
          if (answer.kind === 'ack') {
            failure = undefined;
            break;
          }
          failure = answer.kind === 'nack' ? { reason: 'board_refused', errorCode: answer.errorCode } : { reason: 'board_no_answer' };
        } catch (error) {
          if (options.signal?.aborted) throw cancelled();
          // Opening failed (refused, no such port) or the link died mid-frame: both retry.
          failure = link || error instanceof LinkClosedError ? { reason: 'link_dropped' } : { reason: 'cannot_connect', cause: errorText(error) };
          close();
        }
      }
      if (failure) {
        const details = { ...failure, frame: index, attempts: maxRetries + 1 };
        // One code per situation (a job's error keeps its code, not its details).
        const code = { board_refused: 'led_board_refused', board_no_answer: 'led_board_no_answer', link_dropped: 'led_board_unreachable', cannot_connect: 'led_board_unreachable' } as const;
        throw new StudioError(code[failure.reason], `led.${failure.reason}`, details);
      }
      options.onProgress?.({ sentFrames: index + 1, totalFrames: datas.length, retries });
    }
    return { frames: datas.length, retries, bytesOnWire: bytesOnWire + (link?.bytesWritten ?? 0) };
  } finally {
    link?.close();
  }
}

/** Checks the board answers (A2 00). */
export const pingBoard = (options: SendOptions): Promise<SendReport> => sendFrames([command(CMD_PING)], options);

/** Shows a rendered frame in a dot-matrix area of a BX-5K2/5MK board. */
export const sendDotMatrix = (area: DotMatrixArea, options: SendOptions): Promise<SendReport> =>
  sendFrames(dotMatrixChunks(area), options);
