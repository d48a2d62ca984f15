import { z } from 'zod';
import { label } from '../text.ts';
import type { Asset } from './library-types.ts';
import { Id, request } from './define.ts';

/** Longest chunk the screen may send: one second of 96 kHz stereo 16-bit PCM, base64-encoded. */
export const MAX_CHUNK_SECONDS = 1;
export const MAX_PCM_BASE64_CHARS = Math.ceil((96_000 * 2 * 2 * MAX_CHUNK_SECONDS) / 3) * 4;

/** Takes recording at once from one client (a window, a socket, the CLI), and in all: a studio has a mic or two. */
export const MAX_RECORDINGS_PER_CLIENT = 4;
export const MAX_RECORDINGS_OPEN = 16;

const SessionId = z.string().uuid();
const sessionArg = z.strictObject({ sessionId: SessionId });

/** A take the last run did not finish (crash, power cut): offered to the user on the next start. */
export interface RecoverableTake {
  sessionId: string;
  deviceLabel: string;
  sampleRate: number;
  channels: number;
  startedAt: string;
  /** Audio actually on disk, in seconds. */
  durationSec: number;
}

export interface RecordingProgress {
  sessionId: string;
  /** Frames (samples per channel) written so far. */
  frames: number;
  durationSec: number;
}

export const recorderRequests = {
  /** Opens a take on disk; PCM then arrives with recorder.append. */
  'recorder.start': request<{ sessionId: string }>()(
    z.strictObject({
      deviceLabel: label(300).optional(),
      sampleRate: z.number().int().min(8000).max(96_000),
      channels: z.number().int().min(1).max(2),
    }),
  ),
  /**
   * One chunk of at most one second: interleaved little-endian signed 16-bit PCM, base64 (JSON-safe
   * over both IPC and the WebSocket). `seq` counts from 0; a repeated seq is ignored, a gap is an error.
   */
  'recorder.append': request<RecordingProgress>()(
    z.strictObject({
      sessionId: SessionId,
      seq: z.number().int().min(0),
      pcm: z
        .string()
        .max(MAX_PCM_BASE64_CHARS)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'pcm must be base64'),
    }),
  ),
  /** Finishes the take and adds it to the library as an asset; with bulletinId it becomes that bulletin's audio. */
  'recorder.stop': request<Asset>()(z.strictObject({ sessionId: SessionId, name: label(300).optional(), bulletinId: Id.optional() })),
  /** Takes cut short by a crash, newest first. */
  'recorder.recoverable': request<RecoverableTake[]>()(z.strictObject({})),
  'recorder.recover': request<Asset>()(z.strictObject({ sessionId: SessionId, name: label(300).optional(), bulletinId: Id.optional() })),
  'recorder.discard': request<{ discarded: true }>()(sessionArg),
} as const;
