import { describe, expect, it } from 'vitest';
import { initialTimeline } from '../../../../src/main/services/audio/edit-list.ts';
import { ProgrammeMix, type PlanItem } from '../../../../src/main/services/audio/programme-mix.ts';
import type { FrameSource } from '../../../../src/main/services/audio/render.ts';

const RATE = 8000;

/** A constant-level mono source: where it sits in the mix shows as its level. */
function constant(level: number, seconds: number, kind: PlanItem['kind']): PlanItem {
  const frames = Math.round(seconds * RATE);
  const source: FrameSource = {
    channels: 1,
    sampleRate: RATE,
    read: (start, count) => [new Float32Array(Math.max(0, Math.min(count, frames - start))).fill(level)],
  };
  return { kind, timeline: initialTimeline(frames), source };
}

function mixAll(items: PlanItem[], options: Partial<ConstructorParameters<typeof ProgrammeMix>[1]> = {}) {
  const mix = new ProgrammeMix(items, { sampleRate: RATE, channels: 2, gapSec: 0, crossfadeSec: 0, duckDb: -20, ...options });
  const out = new Float32Array(mix.frames);
  let at = 0;
  for (const block of mix.blocks()) {
    out.set(block[0]!, at);
    at += block[0]!.length;
  }
  return out;
}

const at = (x: Float32Array, sec: number) => x[Math.round(sec * RATE)]!;

describe('programme mix', () => {
  it('places items in order with gaps of silence', () => {
    const out = mixAll([constant(0.1, 1, 'jingle'), constant(0.2, 2, 'bulletin'), constant(0.3, 1, 'bulletin')], { gapSec: 0.5 });
    expect(out.length).toBe(5 * RATE);
    expect(at(out, 0.5)).toBeCloseTo(0.1, 6);
    expect(at(out, 1.25)).toBe(0);
    expect(at(out, 2.5)).toBeCloseTo(0.2, 6);
    expect(at(out, 3.75)).toBe(0);
    expect(at(out, 4.5)).toBeCloseTo(0.3, 6);
  });

  it('crossfades consecutive items instead of a gap', () => {
    const out = mixAll([constant(0.4, 2, 'bulletin'), constant(0.4, 2, 'bulletin')], { crossfadeSec: 1, gapSec: 3 });
    expect(out.length).toBe(3 * RATE);
    // in the overlap the fading out and fading in items sum back to the same level
    for (const t of [1.1, 1.5, 1.9]) expect(at(out, t)).toBeCloseTo(0.4, 2);
    expect(at(out, 0.5)).toBeCloseTo(0.4, 6);
    expect(at(out, 2.5)).toBeCloseTo(0.4, 6);
  });

  it('plays a music bed from the next item on, ducked under speech and at full level between', () => {
    const out = mixAll([constant(0.5, 10, 'music_bed'), constant(0, 2, 'bulletin'), constant(0, 1, 'jingle'), constant(0, 2, 'bulletin')], { gapSec: 1, duckDb: -20 });
    expect(out.length).toBe(7 * RATE); // 2 + 1 + 1 + 1 + 2: the bed does not add length
    expect(at(out, 1)).toBeCloseTo(0.05, 4); // under speech: 0.5 at -20 dB
    expect(at(out, 3.5)).toBeCloseTo(0.5, 4); // the jingle is not speech: no ducking
    expect(at(out, 6)).toBeCloseTo(0.05, 4);
    // ducking ramps (0.3 s) rather than jumping
    expect(at(out, 2.1)).toBeGreaterThan(0.05);
    expect(at(out, 2.1)).toBeLessThan(0.5);
  });
});
