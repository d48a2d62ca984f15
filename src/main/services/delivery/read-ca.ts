/**
 * Reads the user-named CA certificate file without ever blocking the main thread: the path is
 * stat-ed first (a stat never blocks on a FIFO or a device), and only a regular file under
 * MAX_CA_BYTES is opened, non-blocking, read asynchronously and checked again through its handle
 * (it could have been swapped between the stat and the open). `/dev/zero`, a FIFO, a folder or a
 * 4 GB file is refused with `ca_cert_invalid` before a byte is read.
 */
import fs from 'node:fs';
import { StudioError } from '../../../shared/errors.ts';

/** A CA bundle is a few KB; even a whole national bundle fits well under this. */
export const MAX_CA_BYTES = 1024 * 1024;

export type CaProblem = 'missing' | 'not_regular_file' | 'too_large' | 'not_pem' | 'unreadable';

const invalid = (file: string, problem: CaProblem, extra: Record<string, unknown> = {}) =>
  new StudioError('ca_cert_invalid', `${problem}: ${file}`, { path: file, problem, ...extra });

/** O_NONBLOCK where the platform has it: opening a FIFO that slipped past the stat then cannot hang. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export async function readCaFile(file: string): Promise<Buffer> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    throw invalid(file, 'missing', { cause: (error as NodeJS.ErrnoException).code });
  }
  if (!stat.isFile()) throw invalid(file, 'not_regular_file');
  if (stat.size > MAX_CA_BYTES) throw invalid(file, 'too_large', { bytes: stat.size, limit: MAX_CA_BYTES });
  let pem: Buffer;
  try {
    const handle = await fs.promises.open(file, OPEN_FLAGS);
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) throw invalid(file, 'not_regular_file');
      // One byte more than the limit tells a file that grew since the stat from one that fits.
      const buffer = Buffer.alloc(MAX_CA_BYTES + 1);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled > MAX_CA_BYTES) throw invalid(file, 'too_large', { limit: MAX_CA_BYTES });
      }
      pem = buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw invalid(file, 'unreadable', { cause: (error as NodeJS.ErrnoException).code });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw invalid(file, 'not_pem');
  return Buffer.from(pem);
}
