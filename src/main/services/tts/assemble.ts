/** Joins sentence audio with the pauses the script asks for, trimming each sentence's own edge silence. */

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

export interface Segment {
  audio: Float32Array;
  /** Silence after this segment. */
  pauseAfterMs: number;
}

export function assemble(segments: Segment[], sampleRate: number, leadingPauseMs = 0): Float32Array {
  const silence = (ms: number) => Math.round((ms / 1000) * sampleRate);
  const total = silence(leadingPauseMs) + segments.reduce((n, s) => n + s.audio.length + silence(s.pauseAfterMs), 0);
  const out = new Float32Array(total);
  let offset = silence(leadingPauseMs);
  for (const segment of segments) {
    out.set(segment.audio, offset);
    offset += segment.audio.length + silence(segment.pauseAfterMs);
  }
  return out;
}
