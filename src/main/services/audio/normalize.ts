/**
 * Loudness normalisation to a target (LUFS) under a true-peak ceiling (dBTP): a gain, then the
 * true-peak limiter. Limiting lowers the loudness a little, so the gain is corrected and the
 * pass repeated until the result measures within 0.05 LU of the target (at most a few passes).
 */
import { measureLoudness } from './loudness.ts';
import { TruePeakLimiter } from './limiter.ts';

export interface NormalizeOptions {
  target: number;
  ceiling: number;
}

/** Gain then limiter over whole channels in memory; the output has the input's length. */
export function applyGainAndLimit(channels: Float32Array[], sampleRate: number, gainDb: number, ceilingDb: number): Float32Array[] {
  const limiter = new TruePeakLimiter(sampleRate, channels.length, { gainDb, ceilingDb });
  const body = limiter.process(channels);
  const tail = limiter.flush();
  return body.map((c, i) => {
    const out = new Float32Array(c.length + tail[i]!.length);
    out.set(c);
    out.set(tail[i]!, c.length);
    return out;
  });
}

/**
 * Finds the make-up gain that lands on the target after limiting. `measure(gainDb)` renders and
 * measures the result at that gain; shared by the in-memory and the streaming (document) paths.
 */
export async function solveNormalizeGain(
  integrated: number,
  options: NormalizeOptions,
  measure: (gainDb: number) => Promise<number | null> | number | null,
): Promise<number> {
  let gainDb = options.target - integrated;
  for (let pass = 0; pass < 4; pass++) {
    const measured = await measure(gainDb);
    if (measured === null) return gainDb;
    const error = options.target - measured;
    if (Math.abs(error) <= 0.05) break;
    gainDb += error;
  }
  return gainDb;
}

export function normalizeChannels(channels: Float32Array[], sampleRate: number, options: NormalizeOptions): Float32Array[] {
  const before = measureLoudness(channels, sampleRate);
  if (before.integrated === null) return channels.map((c) => c.slice());
  let gainDb = options.target - before.integrated;
  let out = applyGainAndLimit(channels, sampleRate, gainDb, options.ceiling);
  for (let pass = 0; pass < 4; pass++) {
    const measured = measureLoudness(out, sampleRate).integrated;
    if (measured === null || Math.abs(options.target - measured) <= 0.05) break;
    gainDb += options.target - measured;
    out = applyGainAndLimit(channels, sampleRate, gainDb, options.ceiling);
  }
  return out;
}
