/**
 * Programme rendering: items in order with gaps, optional crossfades between consecutive items,
 * and music beds that start with the next item and play under what follows, ducked while speech
 * (bulletins) plays. Streams in blocks: every item is pulled through its own ItemStream.
 */
import type { Timeline } from './edit-list.ts';
import { ItemStream } from './item-stream.ts';
import type { FrameSource } from './render.ts';

export interface PlanItem {
  kind: 'bulletin' | 'jingle' | 'music_bed';
  timeline: Timeline;
  source: FrameSource;
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
}

const DUCK_RAMP_SEC = 0.3;
const BLOCK = 65536;

export class ProgrammeMix {
  readonly frames: number;
  private readonly placed: Placed[];
  private readonly speech: [number, number][] = [];
  private readonly duck: number;
  private readonly ramp: number;

  constructor(items: PlanItem[], readonly options: MixOptions) {
    const { sampleRate: rate, channels } = options;
    const gap = Math.round(options.gapSec * rate);
    const xfade = Math.round(options.crossfadeSec * rate);
    this.placed = [];
    let cursor = 0;
    let previous: Placed | null = null;
    const beds: Placed[] = [];
    for (const item of items) {
      const stream = new ItemStream(item.timeline, item.source, rate, channels);
      if (item.kind === 'music_bed') {
        beds.push({ stream, start: cursor, end: cursor + stream.frames, fadeIn: 0, fadeOut: Math.min(rate, stream.frames), bed: true });
        continue;
      }
      let start = cursor;
      let fadeIn = 0;
      if (previous && xfade > 0) {
        // overlap with the previous item instead of the gap, both faded over the overlap
        const overlap = Math.min(xfade, previous.end - previous.start, stream.frames);
        start = previous.end - overlap;
        fadeIn = overlap;
        previous.fadeOut = overlap;
      }
      for (const bed of beds) if (bed.start === cursor) bed.start = start;
      const placed: Placed = { stream, start, end: start + stream.frames, fadeIn, fadeOut: 0, bed: false };
      this.placed.push(placed);
      if (item.kind === 'bulletin') this.speech.push([placed.start, placed.end]);
      previous = placed;
      cursor = placed.end + (xfade > 0 ? 0 : gap);
    }
    const end = previous ? previous.end : Math.max(0, ...beds.map((b) => b.end));
    for (const bed of beds) {
      bed.end = Math.min(bed.start + bed.stream.frames, end);
      bed.fadeOut = Math.min(rate, bed.end - bed.start);
    }
    this.placed.push(...beds.filter((b) => b.end > b.start));
    this.frames = end;
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
          let g = 1;
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
