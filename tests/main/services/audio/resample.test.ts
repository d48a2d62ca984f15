import { describe, expect, it } from 'vitest';
import { resample, StreamingResampler } from '../../../../src/main/services/audio/resample.ts';
import { sine } from './signals.ts';

const rms = (x: Float32Array, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s / (to - from));
};
/** Amplitude of one frequency in x (a single-bin DFT), ignoring the edges. */
const toneLevel = (x: Float32Array, rate: number, hz: number) => {
  let re = 0;
  let im = 0;
  const from = 2000;
  const to = x.length - 2000;
  for (let i = from; i < to; i++) {
    re += x[i]! * Math.cos((2 * Math.PI * hz * i) / rate);
    im += x[i]! * Math.sin((2 * Math.PI * hz * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / (to - from);
};

describe('resample', () => {
  it.each([
    [48000, 44100],
    [44100, 48000],
    [22050, 48000],
    [32000, 44100],
  ])('%i → %i keeps exact length and a flat pass band', (from, to) => {
    const input = sine(from, 1, 1000, -6);
    const [out] = resample([input], from, to);
    expect(out!.length).toBe(Math.ceil((input.length * to) / from));
    for (const hz of [100, 1000, 8000]) {
      const [o] = resample([sine(from, 1, hz, -6)], from, to);
      expect(20 * Math.log10(toneLevel(o!, to, hz) / 10 ** (-6 / 20))).toBeCloseTo(0, 1);
    }
  });

  it('48 kHz → 44.1 kHz removes content above the new Nyquist frequency (no aliasing)', () => {
    // 23 kHz would alias to 21.1 kHz at 44.1 kHz without a proper low-pass
    const [out] = resample([sine(48000, 1, 23000, -6)], 48000, 44100);
    expect(20 * Math.log10(rms(out!, 2000, out!.length - 2000) / (10 ** (-6 / 20) / Math.SQRT2))).toBeLessThan(-60);
  });

  it('streams: blocks of any size give the same samples as one call', () => {
    const input = sine(48000, 0.5, 3000, -3);
    const [whole] = resample([input], 48000, 44100);
    const r = new StreamingResampler(48000, 44100, 1);
    const parts: Float32Array[] = [];
    for (let at = 0; at < input.length; at += 777) parts.push(r.process([input.subarray(at, at + 777)])[0]!);
    parts.push(r.flush()[0]!);
    const joined = Float32Array.from(parts.flatMap((p) => Array.from(p)));
    expect(joined.length).toBe(whole!.length);
    expect(Math.max(...joined.map((v, i) => Math.abs(v - whole![i]!)))).toBeLessThan(1e-6);
  });
});
