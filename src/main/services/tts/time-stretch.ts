/**
 * WSOLA time-stretch (speed change without pitch change) for engines that cannot change their own
 * pace. Written by hand: it is ~40 lines, and the npm candidates are either browser-only
 * (soundtouchjs's AudioWorklet build) or unmaintained.
 */
export function timeStretch(input: Float32Array, sampleRate: number, speed: number): Float32Array {
  if (speed === 1 || input.length === 0) return input;
  const frame = Math.round(sampleRate * 0.03); // 30 ms windows
  const hop = Math.floor(frame / 2);
  const search = Math.round(sampleRate * 0.008); // ±8 ms to find the best-matching segment
  const window = new Float32Array(frame);
  for (let i = 0; i < frame; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / frame);

  const outLength = Math.round(input.length / speed);
  const output = new Float32Array(outLength + frame);
  const norm = new Float32Array(outLength + frame);
  let previous = 0; // input position of the last copied segment
  for (let out = 0; out < outLength; out += hop) {
    const ideal = Math.round(out * speed);
    // Choose the segment near `ideal` that best continues what was copied last (cross-correlation).
    let best = ideal;
    if (out > 0) {
      const natural = previous + hop;
      let bestScore = -Infinity;
      for (let candidate = Math.max(0, ideal - search); candidate <= Math.min(input.length - frame, ideal + search); candidate++) {
        let score = 0;
        for (let i = 0; i < hop; i += 2) score += (input[candidate + i] ?? 0) * (input[natural + i] ?? 0);
        if (score > bestScore) {
          bestScore = score;
          best = candidate;
        }
      }
    }
    for (let i = 0; i < frame; i++) {
      const sample = input[best + i] ?? 0;
      output[out + i]! += sample * window[i]!;
      norm[out + i]! += window[i]!;
    }
    previous = best;
  }
  const result = new Float32Array(outLength);
  for (let i = 0; i < outLength; i++) result[i] = norm[i]! > 1e-3 ? output[i]! / norm[i]! : 0;
  return result;
}
