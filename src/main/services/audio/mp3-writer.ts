/**
 * Streaming MP3 export: CBR at a chosen bitrate with LAME 3.100 compiled to WebAssembly
 * (wasm-media-encoders: the reference encoder, about 6× faster than a JavaScript port, takes
 * planar float samples directly; joint stereo and the bit reservoir are LAME's defaults), an
 * ID3v2.3 tag in front, the LAME Info frame (encoder delay and padding, so players trim them),
 * written to a temporary name and renamed.
 */
import { createMp3Encoder, type WasmMediaEncoder } from 'wasm-media-encoders';
import { PartFile } from '../storage/index.ts';
import { id3v2Tag, type Id3Tags } from './id3.ts';
import { fileError } from './io-errors.ts';
import { lameTagFrame, parseFrameHeader, type Mp3FrameHeader } from './lame-tag.ts';

type Encoder = WasmMediaEncoder<'audio/mpeg'>;
type Kbps = 8 | 16 | 24 | 32 | 40 | 48 | 64 | 80 | 96 | 112 | 128 | 160 | 192 | 224 | 256 | 320;
const KBPS: readonly number[] = [8, 16, 24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

/** A configured LAME encoder for `channels` (1 or 2) of planar float audio. */
export async function openMp3Encoder(sampleRate: number, channels: number, kbps: number): Promise<Encoder> {
  const encoder = await createMp3Encoder();
  const bitrate = (KBPS.includes(kbps) ? kbps : 128) as Kbps;
  encoder.configure({ sampleRate, channels: channels === 1 ? 1 : 2, bitrate });
  return encoder;
}

export class Mp3Writer {
  private readonly out: PartFile;
  private readonly channels: number;
  private header: Mp3FrameHeader | null = null;
  private tagAt = 0;
  private streamBytes = 0;
  private samples = 0;
  private readonly frames = new FrameCounter();

  static async open(file: string, sampleRate: number, channels: number, kbps: number, tags: Id3Tags = {}): Promise<Mp3Writer> {
    return new Mp3Writer(file, await openMp3Encoder(sampleRate, channels, kbps), Math.min(2, channels), kbps, tags);
  }

  private constructor(
    readonly file: string,
    private readonly encoder: Encoder,
    channels: number,
    private readonly kbps: number,
    tags: Id3Tags,
  ) {
    this.channels = channels;
    try {
      this.out = new PartFile(file);
    } catch (error) {
      throw fileError(error, file);
    }
    const id3 = id3v2Tag(tags);
    this.put(id3);
    this.tagAt = id3.length;
  }

  write(block: Float32Array[]): void {
    const n = block[0]?.length ?? 0;
    if (n === 0) return;
    this.samples += n;
    this.emit(this.encoder.encode(block.slice(0, this.channels)));
  }

  /** Encoder output; the first audio frame's header shapes the Info frame reserved before it. */
  private emit(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (!this.header) {
      this.header = parseFrameHeader(bytes);
      if (this.header) this.put(new Uint8Array(this.header.frameLength));
    }
    this.put(bytes);
    this.frames.feed(bytes);
    this.streamBytes += bytes.length;
  }

  private put(bytes: Uint8Array, position?: number): void {
    try {
      this.out.write(bytes, position);
    } catch (error) {
      this.abort();
      throw fileError(error, this.file);
    }
  }

  finish(): void {
    this.emit(this.encoder.finalize());
    if (this.header) {
      const tag = lameTagFrame({
        header: this.header,
        frames: this.frames.count,
        streamBytes: this.streamBytes + this.header.frameLength,
        samples: this.samples,
        kbps: this.kbps,
      });
      this.put(tag, this.tagAt);
    }
    try {
      this.out.commit();
    } catch (error) {
      this.abort();
      throw fileError(error, this.file);
    }
  }

  abort(): void {
    this.out.abort();
  }
}

/** Counts the frames of a Layer III stream fed in arbitrary pieces, by walking frame headers. */
class FrameCounter {
  count = 0;
  private skip = 0;
  private carry: Uint8Array = new Uint8Array(0);

  feed(bytes: Uint8Array): void {
    if (this.skip >= bytes.length) {
      this.skip -= bytes.length;
      return;
    }
    const buf = this.carry.length ? Buffer.concat([this.carry, bytes]) : bytes;
    let at = this.carry.length ? 0 : this.skip;
    this.skip = 0;
    while (at + 4 <= buf.length) {
      const header = parseFrameHeader(buf.subarray(at, at + 4));
      if (!header) {
        // LAME writes whole frames back to back; if that ever fails, stop rather than guess.
        this.skip = Number.POSITIVE_INFINITY;
        return;
      }
      this.count++;
      at += header.frameLength + ((buf[at + 2]! >> 1) & 1);
    }
    if (at > buf.length) {
      this.skip = at - buf.length;
      this.carry = new Uint8Array(0);
    } else {
      this.carry = buf.slice(at);
    }
  }
}
