/**
 * Renders a timeline from its immutable source, block by block in constant memory: segments are
 * read from the source WAV, their gain ramps applied, silence inserted, then (if the document was
 * normalised) the make-up gain and the true-peak limiter run over the whole stream.
 */
import { segmentGain, type Timeline, timelineLength } from './edit-list.ts';
import { TruePeakLimiter } from './limiter.ts';

/** What rendering needs from a source: a random-access reader of planar frames. */
export interface FrameSource {
  readonly channels: number;
  readonly sampleRate: number;
  read(start: number, count: number): Float32Array[];
}

const BLOCK = 65536;

/** The timeline before the master stage, in blocks of at most BLOCK frames. */
export function* timelineBlocks(t: Timeline, source: FrameSource): Generator<Float32Array[]> {
  const ch = source.channels;
  for (const s of t.segments) {
    for (let off = 0; off < s.length; off += BLOCK) {
      const n = Math.min(BLOCK, s.length - off);
      if (s.kind === 'silence') {
        yield Array.from({ length: ch }, () => new Float32Array(n));
        continue;
      }
      const read = source.read(s.start + off, n);
      const block = read.map((c) => (c.length === n ? c : padTo(c, n)));
      if (s.ramps.length > 0) {
        const gains = new Float32Array(n);
        for (let i = 0; i < n; i++) gains[i] = segmentGain(s, off + i);
        for (const c of block) for (let i = 0; i < n; i++) c[i]! *= gains[i]!;
      }
      yield block;
    }
  }
}

function padTo(c: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n);
  out.set(c.subarray(0, n));
  return out;
}

/**
 * The finished render, master stage included, handed to `sink` block by block; `progress` gets
 * the fraction done and may throw to cancel.
 */
export function renderTimeline(
  t: Timeline,
  source: FrameSource,
  sink: (block: Float32Array[]) => void,
  progress: (fraction: number) => void = () => {},
): number {
  const total = timelineLength(t);
  const limiter = t.master ? new TruePeakLimiter(source.sampleRate, source.channels, t.master) : null;
  let done = 0;
  for (const block of timelineBlocks(t, source)) {
    done += block[0]!.length;
    const out = limiter ? limiter.process(block) : block;
    if (out[0]!.length > 0) sink(out);
    progress(total ? done / total : 1);
  }
  if (limiter) {
    const tail = limiter.flush();
    if (tail[0]!.length > 0) sink(tail);
  }
  return total;
}

/** Renders into memory (short documents and tests). */
export function renderToMemory(t: Timeline, source: FrameSource): Float32Array[] {
  const total = timelineLength(t);
  const out = Array.from({ length: source.channels }, () => new Float32Array(total));
  let at = 0;
  renderTimeline(t, source, (block) => {
    block.forEach((c, i) => out[i]!.set(c, at));
    at += block[0]!.length;
  });
  return out;
}
