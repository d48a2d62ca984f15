/** Each sentence's own lead-in and lead-out silence is trimmed, so the script's pauses are what is heard. */

/** -50 dBFS: below this an engine's lead-in/lead-out is silence. */
const SILENCE = 10 ** (-50 / 20);
const KEEP_MS = 20;

/** The sentence without its leading and trailing silence (keeping a short margin). */
export function trimSilence(samples: Float32Array, sampleRate: number): Float32Array {
  let start = 0;
  while (start < samples.length && Math.abs(samples[start]!) < SILENCE) start++;
  if (start === samples.length) return samples.subarray(0, 0);
  let end = samples.length;
  while (end > start && Math.abs(samples[end - 1]!) < SILENCE) end--;
  const keep = Math.round((KEEP_MS / 1000) * sampleRate);
  return samples.subarray(Math.max(0, start - keep), Math.min(samples.length, end + keep));
}
