/** The streaming output stage gives exactly what resampling and measuring the whole script would. */
import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../../src/main/services/audio/loudness.ts';
import { resample } from '../../../../src/main/services/audio/resample.ts';
import { OutputStage } from '../../../../src/main/services/tts/output-stage.ts';
import { startOutputStage } from '../../../../src/main/services/tts/output-stage-thread.ts';

/** Three "sentences" of different tones and lengths, with pauses after each. */
const sentences = [0.8, 1.3, 0.5].map((seconds, n) =>
  Float32Array.from({ length: Math.round(seconds * 22050) }, (_, i) => 0.3 * Math.sin(i * (0.05 + n * 0.03))),
);
const pauses = [400, 900, 0];

function wholeScript(): Float32Array {
  const lengths = sentences.map((s, i) => s.length + Math.round((pauses[i]! / 1000) * 22050));
  const out = new Float32Array(lengths.reduce((a, b) => a + b, 0));
  let offset = 0;
  sentences.forEach((s, i) => {
    out.set(s, offset);
    offset += lengths[i]!;
  });
  return out;
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('output stage', () => {
  it('matches whole-buffer resampling and loudness, in this thread and on its own', async () => {
    const [expected] = resample([wholeScript()], 22050, 48000);
    const loudness = measureLoudness([expected!], 48000);

    const stage = new OutputStage(22050, 48000);
    sentences.forEach((s, i) => stage.push(s, pauses[i]!));
    const inThread = stage.finish();
    expect(inThread.samples.length).toBe(expected!.length);
    expect(maxDifference(inThread.samples, expected!)).toBeLessThan(1e-6);
    expect(inThread.loudness.integrated).toBeCloseTo(loudness.integrated!, 6);

    const sink = startOutputStage(22050, 48000);
    sentences.forEach((s, i) => sink.push(s, pauses[i]!));
    const threaded = await sink.finish();
    expect(threaded.samples).toEqual(inThread.samples);
    expect(threaded.loudness).toEqual(inThread.loudness);
  });
});
