/**
 * Checks on decoded samples that no header can promise: a float WAV can hold NaN or infinities
 * (which poison every filter after them), and a corrupt MP3 frame can decode to values millions
 * of times full scale (a damaged file once imported at +58 LUFS).
 */
import { StudioError } from '../../../shared/errors.ts';

export function assertFinite(block: Float32Array[]): void {
  for (const channel of block) {
    for (let i = 0; i < channel.length; i++) {
      // NaN fails both comparisons; ±Infinity fails the range.
      const v = channel[i]!;
      if (!(v > -Infinity && v < Infinity)) {
        throw new StudioError('audio_corrupt', 'the audio holds invalid samples (NaN or infinity)', { reason: 'non_finite_samples' });
      }
    }
  }
}

/**
 * Lossy codecs overshoot full scale a little (a few dB at most); 12 dB over it only comes from
 * frames decoded from damaged data.
 */
const MAX_DECODED_LEVEL = 4;

export function assertPlausibleLevel(block: Float32Array[], format: string): void {
  for (const channel of block) {
    for (let i = 0; i < channel.length; i++) {
      const v = channel[i]!;
      if (v > MAX_DECODED_LEVEL || v < -MAX_DECODED_LEVEL) {
        throw new StudioError('audio_corrupt', `the ${format} file is corrupt (decoded samples far beyond full scale)`, { format, reason: 'impossible_level' });
      }
    }
  }
}
