/**
 * Streaming MP3 export: CBR at a chosen bitrate with LAME (the maintained pure-JS port
 * @breezystack/lamejs), an ID3v2.3 tag in front, written to a temporary name and renamed.
 */
import { Mp3Encoder } from '@breezystack/lamejs';
import { PartFile } from '../storage/part-file.ts';
import { id3v2Tag, type Id3Tags } from './id3.ts';
import { fileError } from './io-errors.ts';

const FRAME = 1152;

export class Mp3Writer {
  private readonly encoder: Mp3Encoder;
  private readonly out: PartFile;
  private readonly pending: Int16Array[];
  private pendingFrames = 0;

  constructor(
    readonly file: string,
    readonly sampleRate: number,
    readonly channels: number,
    readonly kbps: number,
    tags: Id3Tags = {},
  ) {
    this.encoder = new Mp3Encoder(Math.min(2, channels), sampleRate, kbps);
    this.pending = Array.from({ length: Math.min(2, channels) }, () => new Int16Array(FRAME * 64));
    try {
      this.out = new PartFile(file);
    } catch (error) {
      throw fileError(error, file);
    }
    this.emit(id3v2Tag(tags));
  }

  write(block: Float32Array[]): void {
    const n = block[0]?.length ?? 0;
    let i = 0;
    while (i < n) {
      const take = Math.min(n - i, this.pending[0]!.length - this.pendingFrames);
      this.pending.forEach((p, c) => {
        const x = block[c]!;
        for (let k = 0; k < take; k++) {
          const v = Math.round(x[i + k]! * 32767);
          p[this.pendingFrames + k] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
        }
      });
      this.pendingFrames += take;
      i += take;
      if (this.pendingFrames === this.pending[0]!.length) this.encodePending();
    }
  }

  private encodePending(): void {
    if (this.pendingFrames === 0) return;
    const [l, r] = this.pending.map((p) => p.subarray(0, this.pendingFrames));
    this.emit(this.encoder.encodeBuffer(l!, r));
    this.pendingFrames = 0;
  }

  private emit(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    try {
      this.out.write(bytes);
    } catch (error) {
      this.abort();
      throw fileError(error, this.file);
    }
  }

  finish(): void {
    this.encodePending();
    this.emit(this.encoder.flush());
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
