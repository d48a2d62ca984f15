/**
 * The one read of a finished take: its sha256 and its EBU R128 loudness in the same pass, so a
 * recording enters the library with its figures at no extra read of the file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { LoudnessResult } from '../../../shared/api/audio.ts';
import { decodePcm, LoudnessMeter } from '../audio/index.ts';
import { WAV_HEADER_BYTES } from './growing-wav.ts';

/** A take is always the canonical 16-bit PCM WAV that GrowingWav writes (44-byte header). */
export async function hashAndMeasureTake(file: string, sampleRate: number, channels: number): Promise<{ sha256: string; loudness: LoudnessResult }> {
  const hash = createHash('sha256');
  const meter = new LoudnessMeter(sampleRate, channels);
  const frameBytes = channels * 2;
  const format = { format: 1, bitsPerSample: 16, channels };
  let pos = 0;
  // Bytes of a frame split across two chunks wait here for the rest.
  let carry = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    const audioStart = Math.max(0, WAV_HEADER_BYTES - pos);
    pos += bytes.length;
    if (audioStart >= bytes.length) continue;
    const audio = carry.length ? Buffer.concat([carry, bytes.subarray(audioStart)]) : bytes.subarray(audioStart);
    const frames = Math.floor(audio.length / frameBytes);
    // decodePcm reads through an Int16Array view, which needs an even byte offset: copy if not.
    const whole = audio.subarray(0, frames * frameBytes);
    const aligned = whole.byteOffset % 2 === 0 ? whole : Buffer.from(whole);
    if (frames > 0) meter.add(decodePcm(aligned, frames, format));
    carry = Buffer.from(audio.subarray(frames * frameBytes));
  }
  return { sha256: hash.digest('hex'), loudness: meter.result() };
}
