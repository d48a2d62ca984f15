/**
 * Random-access reader of PCM (8/16/24/32-bit) and float (32/64-bit) WAV files, including BWF
 * and WAVE_FORMAT_EXTENSIBLE. Reads any span of frames as planar Float32 without loading the
 * file, so hour-long sources are edited and rendered in constant memory.
 */
import fs from 'node:fs';
import { StudioError } from '../../../shared/errors.ts';
import { readWavInfo, type WavInfo } from '../media/wav-info.ts';
import { fileError } from './io-errors.ts';

const HEADER_BYTES = 64 * 1024;

export class WavReader {
  readonly info: WavInfo;
  readonly frames: number;
  private readonly fd: number;
  private readonly frameBytes: number;

  private constructor(readonly file: string, fd: number, info: WavInfo) {
    this.fd = fd;
    this.info = info;
    this.frameBytes = (info.bitsPerSample / 8) * info.channels;
    this.frames = Math.floor(info.dataBytes / this.frameBytes);
  }

  static open(file: string): WavReader {
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch (error) {
      throw fileError(error, file);
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size === 0) throw new StudioError('unsupported_format', 'tệp rỗng / the file is empty');
      const head = Buffer.alloc(Math.min(HEADER_BYTES, size));
      fs.readSync(fd, head, 0, head.length, 0);
      const info = readWavInfo(head, size);
      const supported =
        (info.format === 1 && [8, 16, 24, 32].includes(info.bitsPerSample)) ||
        (info.format === 3 && [32, 64].includes(info.bitsPerSample));
      if (!supported) {
        throw new StudioError('unsupported_format', `WAV codec ${info.format}, ${info.bitsPerSample}-bit is not supported`);
      }
      return new WavReader(file, fd, info);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  get sampleRate(): number {
    return this.info.sampleRate;
  }

  get channels(): number {
    return this.info.channels;
  }

  /** Frames [start, start + count) as planar Float32 (clipped to the file's end). */
  read(start: number, count: number): Float32Array[] {
    const from = Math.max(0, Math.min(start, this.frames));
    const n = Math.max(0, Math.min(count, this.frames - from));
    const ch = this.channels;
    const out = Array.from({ length: ch }, () => new Float32Array(n));
    if (n === 0) return out;
    const raw = Buffer.from(new ArrayBuffer(n * this.frameBytes));
    const got = fs.readSync(this.fd, raw, 0, raw.length, this.info.dataOffset + from * this.frameBytes);
    const frames = Math.floor(got / this.frameBytes);
    const { format, bitsPerSample: bits } = this.info;
    if (format === 1 && bits === 16) {
      const v = new Int16Array(raw.buffer, 0, frames * ch);
      for (let c = 0; c < ch; c++) for (let i = 0; i < frames; i++) out[c]![i] = v[i * ch + c]! / 32768;
    } else if (format === 1 && bits === 24) {
      for (let c = 0; c < ch; c++) {
        const o = out[c]!;
        for (let i = 0; i < frames; i++) {
          const at = (i * ch + c) * 3;
          o[i] = ((raw[at]! | (raw[at + 1]! << 8) | (raw[at + 2]! << 16)) << 8 >> 8) / 8388608;
        }
      }
    } else if (format === 1 && bits === 32) {
      const v = new Int32Array(raw.buffer, 0, frames * ch);
      for (let c = 0; c < ch; c++) for (let i = 0; i < frames; i++) out[c]![i] = v[i * ch + c]! / 2147483648;
    } else if (format === 1 && bits === 8) {
      for (let c = 0; c < ch; c++) for (let i = 0; i < frames; i++) out[c]![i] = (raw[i * ch + c]! - 128) / 128;
    } else if (format === 3 && bits === 32) {
      const v = new Float32Array(raw.buffer, 0, frames * ch);
      for (let c = 0; c < ch; c++) for (let i = 0; i < frames; i++) out[c]![i] = v[i * ch + c]!;
    } else {
      const v = new Float64Array(raw.buffer, 0, frames * ch);
      for (let c = 0; c < ch; c++) for (let i = 0; i < frames; i++) out[c]![i] = v[i * ch + c]!;
    }
    return frames === n ? out : out.map((o) => o.subarray(0, frames));
  }

  /** Reads the whole file block by block. */
  *blocks(blockFrames = 65536): Generator<Float32Array[]> {
    for (let at = 0; at < this.frames; at += blockFrames) yield this.read(at, blockFrames);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** Reads a whole WAV into memory (for short files: tests, TTS output). */
export function readWavFile(file: string): { channels: Float32Array[]; sampleRate: number } {
  const reader = WavReader.open(file);
  try {
    return { channels: reader.read(0, reader.frames), sampleRate: reader.sampleRate };
  } finally {
    reader.close();
  }
}
