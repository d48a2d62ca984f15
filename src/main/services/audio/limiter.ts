/**
 * Streaming true-peak limiter: applies a make-up gain, then holds the 4×-oversampled peak under
 * a ceiling. The detector uses the same interpolator as the true-peak meter; the gain curve is a
 * look-ahead minimum followed by a box filter of the same length, which provably never lets the
 * gain at a sample exceed what that sample needs, and releases exponentially. Hand-written: no
 * maintained Node package offers a true-peak limiter.
 */
import { TRUE_PEAK_FILTER } from './true-peak.ts';

const { factor: FACTOR, tapsPerPhase: TAPS, phases: PHASES, localHeadroom: LOCAL_HEADROOM } = TRUE_PEAK_FILTER;
/** Input delay of the interpolator: phase 0 is the input delayed by this many samples. */
const FIR_DELAY = TAPS / 2;
/** Head-room kept below the ceiling for the small overshoot a moving gain creates between samples. */
const MARGIN_DB = 0.15;
const RING = 4096;
const MASK = RING - 1;

export class TruePeakLimiter {
  private readonly gain: number;
  private readonly ceiling: number;
  private readonly lookahead: number;
  private readonly release: number;
  private readonly x: Float32Array[];
  private readonly g = new Float64Array(RING);
  private readonly m = new Float64Array(RING);
  private segPrev = 0;
  private lastReduced = -Infinity;
  private held = 1;
  private sumM = 0;
  private t = 0;
  private emitted = 0;
  private consumed = 0;

  constructor(
    sampleRate: number,
    readonly channels: number,
    options: { gainDb: number; ceilingDb: number; lookaheadMs?: number; releaseMs?: number },
  ) {
    this.gain = 10 ** (options.gainDb / 20);
    this.ceiling = 10 ** ((options.ceilingDb - MARGIN_DB) / 20);
    this.lookahead = Math.max(1, Math.round(((options.lookaheadMs ?? 1.5) * sampleRate) / 1000));
    this.release = 1 - Math.exp(-1 / (((options.releaseMs ?? 80) * sampleRate) / 1000));
    this.x = Array.from({ length: channels }, () => new Float32Array(RING));
    this.m.fill(1);
    this.g.fill(1);
    this.sumM = this.lookahead;
  }

  /** Samples from input to output. */
  get latency(): number {
    return FIR_DELAY + this.lookahead - 1;
  }

  process(block: Float32Array[]): Float32Array[] {
    const frames = block[0]?.length ?? 0;
    this.consumed += frames;
    return this.run(block, frames);
  }

  /** Emits the samples still held back, so the output is exactly as long as the input. */
  flush(): Float32Array[] {
    const pad = this.consumed - this.emitted;
    const tail = this.run(
      Array.from({ length: this.channels }, () => new Float32Array(this.latency)),
      this.latency,
    );
    return tail.map((c) => c.subarray(0, pad));
  }

  private run(block: Float32Array[], frames: number): Float32Array[] {
    const A = this.lookahead;
    const ch = this.channels;
    const out = Array.from({ length: ch }, () => new Float32Array(frames));
    let written = 0;
    for (let i = 0; i < frames; i++) {
      const t = this.t++;
      for (let c = 0; c < ch; c++) this.x[c]![t & MASK] = block[c]![i]! * this.gain;
      // Peak of the oversampled signal between samples u and u+1 (u = t - FIR_DELAY).
      const u = t - FIR_DELAY;
      let seg = 0;
      for (let c = 0; c < ch; c++) {
        const x = this.x[c]!;
        const a = Math.abs(x[u & MASK]!);
        const b = Math.abs(x[(u + 1) & MASK]!);
        const local = a > b ? a : b;
        if (local > seg) seg = local;
        // between samples well under the ceiling no overshoot can reach it (see true-peak.ts)
        if (local * LOCAL_HEADROOM <= this.ceiling) continue;
        for (let p = 1; p < FACTOR; p++) {
          const h = PHASES[p]!;
          let acc = 0;
          for (let k = 0; k < TAPS; k++) acc += h[k]! * x[(t - k) & MASK]!;
          if (Math.abs(acc) > seg) seg = Math.abs(acc);
        }
      }
      const peak = Math.max(seg, this.segPrev);
      this.segPrev = seg;
      const needed = peak > this.ceiling ? this.ceiling / peak : 1;
      this.g[u & MASK] = needed;
      if (needed < 1) this.lastReduced = u;
      // M[u]: minimum of the last A needed gains (1 when none of them reduces), released slowly upwards.
      let windowMin = 1;
      if (u - this.lastReduced < A) for (let k = 0; k < A; k++) windowMin = Math.min(windowMin, this.g[(u - k) & MASK]!);
      this.held = Math.min(windowMin, this.held + (1 - this.held) * this.release);
      this.sumM += this.held - this.m[(u - A) & MASK]!;
      this.m[u & MASK] = this.held;
      // Output v = u - A + 1 uses the mean of M[v .. v+A-1], which is ≤ every gain v needs.
      const v = u - A + 1;
      if (v < 0) continue;
      const gv = Math.min(1, this.sumM / A);
      for (let c = 0; c < ch; c++) out[c]![written] = this.x[c]![v & MASK]! * gv;
      written++;
      this.emitted++;
    }
    return out.map((c) => c.subarray(0, written));
  }
}
