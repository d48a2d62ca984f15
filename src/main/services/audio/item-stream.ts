/**
 * One source pulled at a fixed output format: a timeline rendered block by block, mixed to the
 * output's channel count (mono → both sides, stereo → mono as the average) and resampled with
 * the band-limited resampler. `read(n)` always returns n frames, silence after the end.
 */
import { timelineBlocks, type FrameSource } from './render.ts';
import { StreamingResampler } from './resample.ts';
import { type Timeline, timelineLength } from './edit-list.ts';

export function mapChannels(block: Float32Array[], to: number): Float32Array[] {
  if (block.length === to) return block;
  if (block.length === 1) return Array.from({ length: to }, () => block[0]!);
  if (to === 1) {
    const n = block[0]!.length;
    const out = new Float32Array(n);
    for (const c of block) for (let i = 0; i < n; i++) out[i]! += c[i]! / block.length;
    return [out];
  }
  return Array.from({ length: to }, (_, c) => block[c % block.length]!);
}

export class ItemStream {
  readonly frames: number;
  private readonly blocks: Generator<Float32Array[]>;
  private readonly resampler: StreamingResampler;
  private queue: Float32Array[][] = [];
  private queued = 0;
  private ended = false;

  constructor(
    timeline: Timeline,
    source: FrameSource,
    readonly sampleRate: number,
    readonly channels: number,
  ) {
    this.blocks = timelineBlocks(timeline, source);
    this.resampler = new StreamingResampler(source.sampleRate, sampleRate, channels);
    this.frames = this.resampler.outputLength(timelineLength(timeline));
  }

  read(n: number): Float32Array[] {
    while (this.queued < n && !this.ended) {
      const next = this.blocks.next();
      const out = next.done ? this.resampler.flush() : this.resampler.process(mapChannels(next.value, this.channels));
      if (next.done) this.ended = true;
      if (out[0]!.length > 0) {
        this.queue.push(out);
        this.queued += out[0]!.length;
      }
    }
    const result = Array.from({ length: this.channels }, () => new Float32Array(n));
    let at = 0;
    while (at < n && this.queue.length > 0) {
      const head = this.queue[0]!;
      const take = Math.min(n - at, head[0]!.length);
      head.forEach((c, i) => result[i]!.set(c.subarray(0, take), at));
      at += take;
      if (take === head[0]!.length) this.queue.shift();
      else this.queue[0] = head.map((c) => c.subarray(take));
      this.queued -= take;
    }
    return result;
  }
}
