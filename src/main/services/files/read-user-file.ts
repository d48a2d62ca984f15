import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { StudioError, systemErrorToStudioError } from '../../../shared/errors.ts';

/**
 * Reads a file the user named (a script, a certificate, a text to speak) without trusting that it
 * is one: `/dev/zero` would fill memory, a FIFO or `/dev/stdin` would block forever, a folder
 * throws EISDIR. Only a regular file of at most `maxBytes` is read, asynchronously (the libuv
 * thread pool, never the main thread), and the read stops at the limit even when the file grows
 * or lies about its size (as files under /proc do, reporting 0 bytes).
 */
export async function readUserFile(file: string, { maxBytes }: { maxBytes: number }): Promise<Buffer> {
  let handle: fs.promises.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer that may never come.
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw systemErrorToStudioError(error) ?? new StudioError('io_error', String(error), { file });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new StudioError('not_a_file', file, { file });
    if (stat.size > maxBytes) throw new StudioError('too_large', `${file}: ${stat.size} bytes, at most ${maxBytes}`, { file, maxBytes });
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) throw new StudioError('too_large', `${file}: more than ${maxBytes} bytes`, { file, maxBytes });
    }
    return Buffer.concat(chunks, length);
  } catch (error) {
    throw systemErrorToStudioError(error) ?? error;
  } finally {
    await handle.close();
  }
}

/** Reads a stream (the CLI's stdin for `-`) up to `maxBytes`, refusing more instead of buffering without end. */
export async function readBoundedStream(stream: Readable, { maxBytes, name }: { maxBytes: number; name: string }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += (chunk as Buffer).length;
    if (length > maxBytes) {
      stream.destroy();
      throw new StudioError('too_large', `${name}: more than ${maxBytes} bytes`, { maxBytes });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
