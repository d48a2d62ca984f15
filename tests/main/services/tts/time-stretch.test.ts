import { describe, expect, it } from 'vitest';
import { timeStretch } from '../../../../src/main/services/tts/time-stretch.ts';

const RATE = 16000;
const tone = (hz: number, seconds: number) => Float32Array.from({ length: seconds * RATE }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / RATE));

/** Frequency from upward zero crossings over the middle of the signal (edges fade). */
function frequency(samples: Float32Array): number {
  const from = Math.floor(samples.length * 0.1);
  const to = Math.floor(samples.length * 0.9);
  let crossings = 0;
  for (let i = from + 1; i < to; i++) if (samples[i - 1]! < 0 && samples[i]! >= 0) crossings++;
  return crossings / ((to - from) / RATE);
}

describe('time stretch (speed for VITS voices)', () => {
  for (const speed of [0.6, 0.8, 1.25, 1.6]) {
    it(`changes the length by 1/${speed} and keeps the pitch`, () => {
      const input = tone(220, 2);
      const output = timeStretch(input, RATE, speed);
      expect(output.length).toBe(Math.round(input.length / speed));
      expect(frequency(output)).toBeGreaterThan(220 * 0.97);
      expect(frequency(output)).toBeLessThan(220 * 1.03);
    });
  }

  it('leaves speed 1 untouched', () => {
    const input = tone(220, 1);
    expect(timeStretch(input, RATE, 1)).toBe(input);
  });
});
