import { createHash } from 'node:crypto';
import fs from 'node:fs';

export interface StreamOptions {
  /** Called with the bytes done so far, after each chunk. */
  onBytes?: (done: number) => void;
  /** Throws to stop between chunks (job cancel). */
  checkCancelled?: () => void;
}

const CHUNK = 1 << 20;

/** sha256 and size of a file, streamed: bulletins can be hours long. */
export async function hashFile(file: string, options: StreamOptions = {}): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
    options.checkCancelled?.();
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    options.onBytes?.(bytes);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Copies `from` to `to` while hashing what was read, then flushes `to` to the disk (a USB stick
 * pulled right after "done" must still hold the whole file). The caller picks a temporary `to`
 * and renames it into place.
 */
export async function copyHashing(from: string, to: string, options: StreamOptions = {}): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  // Async writes: a slow USB stick must not stall the main process while the outbox runs there.
  const handle = await fs.promises.open(to, 'wx');
  try {
    for await (const chunk of fs.createReadStream(from, { highWaterMark: CHUNK })) {
      options.checkCancelled?.();
      const buffer = chunk as Buffer;
      hash.update(buffer);
      for (let written = 0; written < buffer.length; ) {
        written += (await handle.write(buffer, written, buffer.length - written)).bytesWritten;
      }
      bytes += buffer.length;
      options.onBytes?.(bytes);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Writes a small file durably (temp name, fsync, rename). */
export function writeFileDurably(file: string, data: string | Buffer): void {
  const temp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** Flushes a directory entry (a rename) to disk where the platform allows opening directories. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a directory for fsync; NTFS journals renames.
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
