/**
 * A tus-js-client file reader that reads each chunk of a file on disk into one Buffer with a
 * positioned read and computes its sha256. tus-js-client's own file source hands out streams,
 * which cannot be hashed before sending; a Buffer can, so every PATCH carries the sha256 of
 * exactly its bytes. The next chunk is read and hashed (WebCrypto, off the main thread) while
 * the current one is on the wire, so checksums cost no upload time. Memory: two chunks.
 */
import { webcrypto } from 'node:crypto';
import fs from 'node:fs/promises';

export interface ChunkFileInput {
  path: string;
}

/** A chunk as tus-js-client and checksum-http-stack.ts see it. */
export type HashedChunk = Buffer & { size: number; sha256Base64: Promise<string> };

class ChunkSource {
  private prefetched: { start: number; end: number; chunk: Promise<HashedChunk> } | null = null;

  constructor(
    private readonly handle: fs.FileHandle,
    readonly size: number,
  ) {}

  private async read(start: number, end: number): Promise<HashedChunk> {
    const length = Math.max(0, Math.min(end, this.size) - start);
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await this.handle.read(buffer, filled, length - filled, start + filled);
      if (bytesRead === 0) throw new Error(`file shrank while uploading (read ${start + filled} of ${this.size})`);
      filled += bytesRead;
    }
    const sha256Base64 = webcrypto.subtle.digest('SHA-256', buffer).then((digest) => Buffer.from(digest).toString('base64'));
    sha256Base64.catch(() => undefined);
    // tus-js-client reads `.size` for the byte count; the HTTP stack uses it for Content-Length.
    return Object.assign(buffer, { size: length, sha256Base64 });
  }

  async slice(start: number, end: number): Promise<{ value: HashedChunk; done: boolean }> {
    const ahead = this.prefetched;
    this.prefetched = null;
    const chunk = ahead && ahead.start === start && ahead.end === end ? ahead.chunk : this.read(start, end);
    const value = await chunk;
    if (end < this.size) this.prefetch(end, Math.min(this.size, end + (end - start)));
    return { value, done: start + value.length >= this.size };
  }

  prefetch(start: number, end: number): void {
    const pending = this.read(start, end);
    pending.catch(() => undefined);
    this.prefetched = { start, end, chunk: pending };
  }

  close(): void {
    this.prefetched = null;
    void this.handle.close().catch(() => undefined);
  }
}

export const chunkFileReader = {
  async openFile(input: ChunkFileInput, chunkSize: number): Promise<ChunkSource> {
    const handle = await fs.open(input.path, 'r');
    const { size } = await handle.stat();
    const source = new ChunkSource(handle, size);
    // The first chunk is read and hashed while the upload is being created or its offset asked.
    if (Number.isFinite(chunkSize) && chunkSize > 0) source.prefetch(0, Math.min(size, chunkSize));
    return source;
  },
};
