/**
 * Programme rendering: items placed by the shared programme plan (gaps, crossfades, music beds
 * under what follows, see src/shared/audio/programme-plan.ts), beds ducked while speech
 * (bulletins) plays, each item at its own gain (per-item loudness normalisation). Streams in
 * blocks: every item is pulled through its own ItemStream.
 */
import { planProgramme } from '../../../shared/audio/programme-plan.ts';
import type { Timeline } from './edit-list.ts';
import { ItemStream } from './item-stream.ts';
import type { FrameSource } from './render.ts';

export interface PlanItem {
  kind: 'bulletin' | 'jingle' | 'music_bed';
  timeline: Timeline;
  source: FrameSource;
  /** Gain applied to the whole item (its loudness normalisation), dB. */
  gainDb?: number;
}

export interface MixOptions {
  sampleRate: number;
  channels: number;
  gapSec: number;
  crossfadeSec: number;
  duckDb: number;
}

interface Placed {
  stream: ItemStream;
  start: number;
  end: number;
  fadeIn: number;
  fadeOut: number;
  bed: boolean;
  gain: number;
}

const DUCK_RAMP_SEC = 0.3;
const BLOCK = 65536;

export class ProgrammeMix {
  readonly frames: number;
  private readonly placed: Placed[];
  private readonly speech: [number, number][];
  private readonly duck: number;
  private readonly ramp: number;

  constructor(items: PlanItem[], readonly options: MixOptions) {
    const { sampleRate: rate, channels } = options;
    const streams = items.map((item) => new ItemStream(item.timeline, item.source, rate, channels));
    const plan = planProgramme(
      items.map((item, i) => ({ kind: item.kind, frames: streams[i]!.frames })),
      { sampleRate: rate, gapSec: options.gapSec, crossfadeSec: options.crossfadeSec },
    );
    this.placed = plan.placed
      .map((p, i) => ({ ...p, stream: streams[i]!, gain: 10 ** ((items[i]!.gainDb ?? 0) / 20) }))
      .filter((p) => p.end > p.start);
    this.speech = plan.speech;
    this.frames = plan.frames;
    this.duck = 10 ** (options.duckDb / 20);
    this.ramp = Math.round(DUCK_RAMP_SEC * rate);
  }

  /** Gain of a music bed at output frame t: ducked inside speech, ramped over DUCK_RAMP_SEC. */
  private bedGain(t: number): number {
    let distance = Infinity;
    for (const [a, b] of this.speech) {
      if (t >= a && t < b) return this.duck;
      distance = Math.min(distance, t < a ? a - t : t - b + 1);
    }
    if (distance >= this.ramp) return 1;
    return this.duck + (1 - this.duck) * (distance / this.ramp);
  }

  *blocks(progress: (fraction: number) => void = () => {}): Generator<Float32Array[]> {
    const ch = this.options.channels;
    for (let at = 0; at < this.frames; at += BLOCK) {
      const n = Math.min(BLOCK, this.frames - at);
      const out = Array.from({ length: ch }, () => new Float32Array(n));
      for (const p of this.placed) {
        const from = Math.max(at, p.start);
        const to = Math.min(at + n, p.end);
        if (to <= from) continue;
        const block = p.stream.read(to - from);
        for (let i = 0; i < to - from; i++) {
          const t = from + i;
          let g = p.gain;
          if (p.fadeIn > 0 && t - p.start < p.fadeIn) g *= (t - p.start) / p.fadeIn;
          if (p.fadeOut > 0 && p.end - t <= p.fadeOut) g *= (p.end - t - 1) / p.fadeOut;
          if (p.bed) g *= this.bedGain(t);
          for (let c = 0; c < ch; c++) out[c]![t - at]! += block[c]![i]! * g;
        }
      }
      progress((at + n) / this.frames);
      yield out;
    }
  }
}
