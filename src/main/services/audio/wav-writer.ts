/**
 * Streaming WAV writer: 16/24-bit PCM or 32-bit float, optional Broadcast WAV `bext` chunk
 * (EBU Tech 3285 v2, with the loudness fields). Written to a temporary name and renamed into
 * place on `finish()`, so a crash or a full disk never leaves a half file under the real name.
 */
import { PartFile } from '../storage/index.ts';
import { fileError } from './io-errors.ts';

export type WavSampleFormat = 'pcm16' | 'pcm24' | 'float32';

export interface BextInfo {
  description?: string;
  originator?: string;
  originatorReference?: string;
  /** Defaults to now. */
  date?: Date;
  /** LUFS, LU, dBTP; written ×100 as the v2 loudness fields. */
  loudness?: { integrated: number | null; range: number; truePeak: number | null };
  codingHistory?: string;
}

export interface WavWriterOptions {
  format?: WavSampleFormat;
  bext?: BextInfo;
}

const BYTES: Record<WavSampleFormat, number> = { pcm16: 2, pcm24: 3, float32: 4 };

function bextChunk(info: BextInfo): Buffer {
  const history = Buffer.from(info.codingHistory ?? '', 'ascii');
  const body = Buffer.alloc(602 + history.length);
  const date = info.date ?? new Date();
  const iso = date.toISOString();
  body.write((info.description ?? '').slice(0, 256), 0, 256, 'utf8');
  body.write((info.originator ?? '').slice(0, 32), 256, 32, 'utf8');
  body.write((info.originatorReference ?? '').slice(0, 32), 288, 32, 'ascii');
  body.write(iso.slice(0, 10), 320, 10, 'ascii');
  body.write(iso.slice(11, 19), 330, 8, 'ascii');
  body.writeBigUInt64LE(0n, 338); // TimeReference
  body.writeUInt16LE(2, 346); // Version 2: loudness fields are meaningful
  const loud = info.loudness;
  const x100 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? 0x7fff : Math.round(v * 100));
  body.writeInt16LE(x100(loud?.integrated), 412); // LoudnessValue
  body.writeInt16LE(x100(loud?.range), 414); // LoudnessRange
  body.writeInt16LE(x100(loud?.truePeak), 416); // MaxTruePeakLevel
  body.writeInt16LE(0x7fff, 418); // MaxMomentaryLoudness: not measured
  body.writeInt16LE(0x7fff, 420); // MaxShortTermLoudness: not measured
  history.copy(body, 602);
  const header = Buffer.alloc(8);
  header.write('bext', 0, 'ascii');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}

export class WavWriter {
  private readonly out: PartFile;
  private readonly format: WavSampleFormat;
  private readonly headerBytes: number;
  private dataBytes = 0;
  private readonly hasBext: boolean;
  private loudness: BextInfo['loudness'] | null = null;

  constructor(
    readonly file: string,
    readonly sampleRate: number,
    readonly channels: number,
    options: WavWriterOptions = {},
  ) {
    this.format = options.format ?? 'pcm16';
    this.hasBext = options.bext !== undefined;
    const header = this.header(options.bext);
    this.headerBytes = header.length;
    try {
      this.out = new PartFile(file);
    } catch (error) {
      throw fileError(error, file);
    }
    try {
      this.out.write(header);
    } catch (error) {
      this.abort();
      throw fileError(error, file);
    }
  }

  get framesWritten(): number {
    return this.dataBytes / (BYTES[this.format] * this.channels);
  }

  private header(bext?: BextInfo): Buffer {
    const fmt = Buffer.alloc(24);
    const bytes = BYTES[this.format];
    fmt.write('fmt ', 0, 'ascii');
    fmt.writeUInt32LE(16, 4);
    fmt.writeUInt16LE(this.format === 'float32' ? 3 : 1, 8);
    fmt.writeUInt16LE(this.channels, 10);
    fmt.writeUInt32LE(this.sampleRate, 12);
    fmt.writeUInt32LE(this.sampleRate * this.channels * bytes, 16);
    fmt.writeUInt16LE(this.channels * bytes, 20);
    fmt.writeUInt16LE(bytes * 8, 22);
    const riff = Buffer.from('RIFF\0\0\0\0WAVE', 'ascii');
    const data = Buffer.from('data\0\0\0\0', 'ascii');
    return Buffer.concat([riff, ...(bext ? [bextChunk(bext)] : []), fmt, data]);
  }

  /** Appends planar frames (values outside ±1 are clipped for PCM). */
  write(block: Float32Array[]): void {
    const frames = block[0]?.length ?? 0;
    if (frames === 0) return;
    const bytes = BYTES[this.format];
    // a fresh ArrayBuffer keeps typed views aligned (Buffer's pool may not be)
    const buf = Buffer.from(new ArrayBuffer(frames * this.channels * bytes));
    const ch = this.channels;
    if (this.format === 'float32') {
      const view = new Float32Array(buf.buffer, buf.byteOffset, frames * ch);
      for (let c = 0; c < ch; c++) {
        const x = block[c]!;
        for (let i = 0; i < frames; i++) view[i * ch + c] = x[i]!;
      }
    } else if (this.format === 'pcm16') {
      const view = new Int16Array(buf.buffer, 0, frames * ch);
      for (let c = 0; c < ch; c++) {
        const x = block[c]!;
        for (let i = 0; i < frames; i++) {
          const v = Math.round(x[i]! * 32768);
          view[i * ch + c] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
        }
      }
    } else {
      for (let c = 0; c < ch; c++) {
        const x = block[c]!;
        for (let i = 0; i < frames; i++) {
          const v = Math.round(x[i]! * 8388608);
          const s = v > 8388607 ? 8388607 : v < -8388608 ? -8388608 : v;
          const at = (i * ch + c) * 3;
          buf[at] = s & 0xff;
          buf[at + 1] = (s >> 8) & 0xff;
          buf[at + 2] = (s >> 16) & 0xff;
        }
      }
    }
    try {
      this.out.write(buf);
    } catch (error) {
      this.abort();
      throw fileError(error, this.file);
    }
    this.dataBytes += buf.length;
  }

  /** Loudness measured while writing, patched into the bext chunk on finish. */
  setLoudness(loudness: NonNullable<BextInfo['loudness']>): void {
    this.loudness = loudness;
  }

  /** Fixes the sizes in the header, flushes to disk and renames into place. */
  finish(): void {
    if (this.out.closed) return;
    try {
      if (this.hasBext && this.loudness) {
        // bext body starts at byte 20 (after RIFF/WAVE and the chunk header); fields at 412..417
        const fields = Buffer.alloc(6);
        const x100 = (v: number | null) => (v === null || !Number.isFinite(v) ? 0x7fff : Math.round(v * 100));
        fields.writeInt16LE(x100(this.loudness.integrated), 0);
        fields.writeInt16LE(x100(this.loudness.range), 2);
        fields.writeInt16LE(x100(this.loudness.truePeak), 4);
        this.out.write(fields, 20 + 412);
      }
      if (this.dataBytes % 2) this.out.write(Buffer.alloc(1));
      const sizes = Buffer.alloc(4);
      sizes.writeUInt32LE(Math.min(0xffffffff, 4 + (this.headerBytes - 12) + this.dataBytes + (this.dataBytes % 2)));
      this.out.write(sizes, 4);
      sizes.writeUInt32LE(this.dataBytes);
      this.out.write(sizes, this.headerBytes - 4);
      this.out.commit();
    } catch (error) {
      this.abort();
      throw fileError(error, this.file);
    }
  }

  /** Drops the temporary file (after an error or a cancel). */
  abort(): void {
    this.out.abort();
  }
}

/** Writes whole planar channels held in memory. */
export function writeWavFile(file: string, channels: Float32Array[], sampleRate: number, options: WavWriterOptions = {}): void {
  const writer = new WavWriter(file, sampleRate, channels.length, options);
  const frames = channels[0]?.length ?? 0;
  const block = 65536;
  for (let at = 0; at < frames; at += block) writer.write(channels.map((c) => c.subarray(at, Math.min(frames, at + block))));
  writer.finish();
}
