import fs from 'node:fs';

/**
 * A 16-bit PCM WAV file that grows while a take is recorded. The header is written first with
 * sizes of zero and patched on stop; a file cut short by a crash is repaired from its size alone
 * (`repairWavHeader`). Hand-written: a canonical 44-byte header is a dozen lines, and no WAV
 * library writes incrementally with fsync.
 */
export const WAV_HEADER_BYTES = 44;
const BITS = 16;

export function wavHeader(sampleRate: number, channels: number, dataBytes: number): Buffer {
  const header = Buffer.alloc(WAV_HEADER_BYTES);
  const blockAlign = channels * (BITS / 8);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(BITS, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

export class GrowingWav {
  private fd: number;
  private dataBytes = 0;
  readonly frameBytes: number;

  constructor(
    readonly file: string,
    readonly sampleRate: number,
    readonly channels: number,
  ) {
    this.frameBytes = channels * (BITS / 8);
    // 'wx': a take never overwrites an existing file.
    this.fd = fs.openSync(file, 'wx');
    fs.writeSync(this.fd, wavHeader(sampleRate, channels, 0), 0, WAV_HEADER_BYTES, 0);
    fs.fsyncSync(this.fd);
  }

  get frames(): number {
    return this.dataBytes / this.frameBytes;
  }

  /**
   * Appends whole frames and flushes them to the disk before returning, so what the screen was
   * told is saved survives a crash or a power cut.
   */
  append(pcm: Buffer): void {
    let written = 0;
    while (written < pcm.length) {
      written += fs.writeSync(this.fd, pcm, written, pcm.length - written, WAV_HEADER_BYTES + this.dataBytes + written);
    }
    this.dataBytes += pcm.length;
    fs.fdatasyncSync(this.fd);
  }

  /** Writes the real sizes into the header and closes the file. */
  finish(): void {
    fs.writeSync(this.fd, wavHeader(this.sampleRate, this.channels, this.dataBytes), 0, WAV_HEADER_BYTES, 0);
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }

  /** Closes without patching (the take is being thrown away). */
  abandon(): void {
    fs.closeSync(this.fd);
  }
}

/**
 * Rebuilds the header of a take cut short: the data size is whatever whole frames reached the
 * disk. A torn last frame is cut off. Returns the frames kept.
 */
export function repairWavHeader(file: string, sampleRate: number, channels: number): number {
  const frameBytes = channels * (BITS / 8);
  const size = fs.statSync(file).size;
  const frames = Math.max(0, Math.floor((size - WAV_HEADER_BYTES) / frameBytes));
  const dataBytes = frames * frameBytes;
  const fd = fs.openSync(file, 'r+');
  try {
    if (size !== WAV_HEADER_BYTES + dataBytes) fs.ftruncateSync(fd, WAV_HEADER_BYTES + dataBytes);
    fs.writeSync(fd, wavHeader(sampleRate, channels, dataBytes), 0, WAV_HEADER_BYTES, 0);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return frames;
}
