/**
 * Random-access reader of PCM (8/16/24/32-bit) and float (32/64-bit) WAV files, including BWF
 * and WAVE_FORMAT_EXTENSIBLE. Reads any span of frames as planar Float32 without loading the
 * file, so hour-long sources are edited and rendered in constant memory.
 */
import fs from 'node:fs';
import { StudioError } from '../../../shared/errors.ts';
import type { WavInfo } from './wav-info.ts';
import { readWavHeaderFd } from './wav-header.ts';
import { fileError } from './io-errors.ts';
import { decodePcm, isSupportedPcm } from './pcm.ts';

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
      if (size === 0) throw new StudioError('unsupported_format', 'the file is empty');
      const info = readWavHeaderFd(fd, size);
      if (!isSupportedPcm(info)) {
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
    if (n === 0) return Array.from({ length: this.channels }, () => new Float32Array(0));
    const raw = Buffer.from(new ArrayBuffer(n * this.frameBytes));
    const got = fs.readSync(this.fd, raw, 0, raw.length, this.info.dataOffset + from * this.frameBytes);
    const frames = Math.floor(got / this.frameBytes);
    return decodePcm(raw, frames, this.info);
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
