/**
 * A tus-js-client file reader that reads each chunk of a file on disk into one Buffer with a
 * positioned read. tus-js-client's own file source hands out streams, which cannot be hashed
 * before sending; a Buffer can, so every PATCH carries the sha256 of exactly its bytes.
 * Memory stays at about one chunk whatever the file size.
 */
import fs from 'node:fs/promises';

export interface ChunkFileInput {
  path: string;
}

class ChunkSource {
  constructor(
    private readonly handle: fs.FileHandle,
    readonly size: number,
  ) {}

  async slice(start: number, end: number): Promise<{ value: Buffer; done: boolean }> {
    const length = Math.max(0, Math.min(end, this.size) - start);
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await this.handle.read(buffer, filled, length - filled, start + filled);
      if (bytesRead === 0) throw new Error(`file shrank while uploading (read ${start + filled} of ${this.size})`);
      filled += bytesRead;
    }
    // tus-js-client reads `.size` for the byte count and the Node stack for Content-Length.
    return { value: Object.assign(buffer, { size: length }), done: start + length >= this.size };
  }

  close(): void {
    void this.handle.close().catch(() => undefined);
  }
}

export const chunkFileReader = {
  async openFile(input: ChunkFileInput): Promise<ChunkSource> {
    const handle = await fs.open(input.path, 'r');
    const { size } = await handle.stat();
    return new ChunkSource(handle, size);
  },
};
