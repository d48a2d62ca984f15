/**
 * Multi-resolution peaks, computed once while a source is imported and stored next to it
 * (peaks/<sha256>.peaks), so the waveform of an hour-long file is drawn without decoding it.
 * Levels hold min/max per channel for bins of 256, 1024, 4096 and 16384 frames, as Int16.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors.ts';
import { fileError } from './io-errors.ts';

export const BASE_BIN = 256;
const LEVELS = 4;
const MAGIC = 0x4b414550; // "PEAK"

export interface PeakLevel {
  samplesPerPeak: number;
  /** [bin * channels * 2 + channel * 2 + (0 = min, 1 = max)], scaled to ±32767. */
  data: Int16Array;
  bins: number;
}

export interface Peaks {
  sampleRate: number;
  channels: number;
  frames: number;
  levels: PeakLevel[];
}

const q = (v: number) => Math.max(-32767, Math.min(32767, Math.round(v * 32767)));

/** Accumulates the base level while blocks stream past; coarser levels are folded at the end. */
export class PeakBuilder {
  private readonly chunks: Int16Array[] = [];
  private current: Int16Array;
  private used = 0;
  private binFill = 0;
  private frames = 0;
  private readonly min: Float32Array;
  private readonly max: Float32Array;

  constructor(
    readonly sampleRate: number,
    readonly channels: number,
  ) {
    this.current = new Int16Array(65536 * channels * 2);
    this.min = new Float32Array(channels).fill(Infinity);
    this.max = new Float32Array(channels).fill(-Infinity);
  }

  add(block: Float32Array[]): void {
    const n = block[0]?.length ?? 0;
    let i = 0;
    while (i < n) {
      const take = Math.min(n - i, BASE_BIN - this.binFill);
      for (let c = 0; c < this.channels; c++) {
        const x = block[c]!;
        let lo = this.min[c]!;
        let hi = this.max[c]!;
        for (let k = i; k < i + take; k++) {
          const v = x[k]!;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        this.min[c] = lo;
        this.max[c] = hi;
      }
      this.binFill += take;
      i += take;
      if (this.binFill === BASE_BIN) this.closeBin();
    }
    this.frames += n;
  }

  private closeBin(): void {
    if (this.used === this.current.length) {
      this.chunks.push(this.current);
      this.current = new Int16Array(this.current.length);
      this.used = 0;
    }
    for (let c = 0; c < this.channels; c++) {
      this.current[this.used++] = q(this.min[c]!);
      this.current[this.used++] = q(this.max[c]!);
    }
    this.min.fill(Infinity);
    this.max.fill(-Infinity);
    this.binFill = 0;
  }

  finish(): Peaks {
    if (this.binFill > 0) this.closeBin();
    const stride = this.channels * 2;
    const total = this.chunks.reduce((n, c) => n + c.length, 0) + this.used;
    const base = new Int16Array(total);
    let at = 0;
    for (const c of this.chunks) {
      base.set(c, at);
      at += c.length;
    }
    base.set(this.current.subarray(0, this.used), at);
    const levels: PeakLevel[] = [{ samplesPerPeak: BASE_BIN, data: base, bins: total / stride }];
    for (let l = 1; l < LEVELS; l++) {
      const prev = levels[l - 1]!;
      const bins = Math.ceil(prev.bins / 4);
      const data = new Int16Array(bins * stride);
      for (let b = 0; b < bins; b++) {
        for (let c = 0; c < this.channels; c++) {
          let lo = 32767;
          let hi = -32767;
          for (let k = b * 4; k < Math.min(prev.bins, b * 4 + 4); k++) {
            lo = Math.min(lo, prev.data[k * stride + c * 2]!);
            hi = Math.max(hi, prev.data[k * stride + c * 2 + 1]!);
          }
          data[b * stride + c * 2] = lo;
          data[b * stride + c * 2 + 1] = hi;
        }
      }
      levels.push({ samplesPerPeak: prev.samplesPerPeak * 4, data, bins });
    }
    return { sampleRate: this.sampleRate, channels: this.channels, frames: this.frames, levels };
  }
}

export const peaksPath = (dataDir: string, sha256: string) => path.join(dataDir, 'peaks', `${sha256}.peaks`);

export function savePeaks(file: string, peaks: Peaks): void {
  const header = Buffer.alloc(24 + peaks.levels.length * 8);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(1, 4);
  header.writeUInt32LE(peaks.sampleRate, 8);
  header.writeUInt32LE(peaks.channels, 12);
  header.writeDoubleLE(peaks.frames, 16);
  peaks.levels.forEach((level, i) => {
    header.writeUInt32LE(level.samplesPerPeak, 24 + i * 8);
    header.writeUInt32LE(level.bins, 28 + i * 8);
  });
  const temp = `${file}.${process.pid}.part`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(temp, 'w');
    try {
      const count = Buffer.alloc(4);
      count.writeUInt32LE(peaks.levels.length);
      fs.writeSync(fd, count);
      fs.writeSync(fd, header);
      for (const level of peaks.levels) fs.writeSync(fd, new Uint8Array(level.data.buffer, level.data.byteOffset, level.data.byteLength));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw fileError(error, file);
  }
}

export function loadPeaks(file: string): Peaks {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (error) {
    throw fileError(error, file);
  }
  const levelsCount = raw.readUInt32LE(0);
  const h = raw.subarray(4);
  if (h.readUInt32LE(0) !== MAGIC) throw new StudioError('io_error', `${file}: not a peaks file`);
  const channels = h.readUInt32LE(12);
  let at = 4 + 24 + levelsCount * 8;
  const levels: PeakLevel[] = [];
  for (let i = 0; i < levelsCount; i++) {
    const samplesPerPeak = h.readUInt32LE(24 + i * 8);
    const bins = h.readUInt32LE(28 + i * 8);
    const bytes = bins * channels * 4;
    const copy = new Int16Array(bins * channels * 2);
    new Uint8Array(copy.buffer).set(raw.subarray(at, at + bytes));
    levels.push({ samplesPerPeak, bins, data: copy });
    at += bytes;
  }
  return { sampleRate: h.readUInt32LE(8), channels, frames: h.readDoubleLE(16), levels };
}

/** Min and max of one channel over source frames [from, to), from the finest level that is coarse enough. */
export function peakRange(peaks: Peaks, channel: number, from: number, to: number, framesPerPixel: number): [number, number] {
  let level = peaks.levels[0]!;
  for (const l of peaks.levels) if (l.samplesPerPeak <= framesPerPixel) level = l;
  const stride = peaks.channels * 2;
  const b0 = Math.floor(from / level.samplesPerPeak);
  const b1 = Math.min(level.bins, Math.max(b0 + 1, Math.ceil(to / level.samplesPerPeak)));
  let lo = 32767;
  let hi = -32767;
  for (let b = b0; b < b1; b++) {
    lo = Math.min(lo, level.data[b * stride + channel * 2]!);
    hi = Math.max(hi, level.data[b * stride + channel * 2 + 1]!);
  }
  return b1 > b0 ? [lo / 32767, hi / 32767] : [0, 0];
}
