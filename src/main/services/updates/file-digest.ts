import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { updateError } from './update-error.ts';

/** sha512 of a file, streamed (installers are 100+ MB), as base64: electron-builder's encoding. */
export async function sha512OfFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = crypto.createHash('sha512');
  try {
    await pipeline(fs.createReadStream(file), hash, { signal });
  } catch (error) {
    if (signal?.aborted) throw updateError('cancelled', 'cancelled', { file });
    throw error;
  }
  return hash.digest('base64');
}

/** electron-updater accepts either encoding (hex when 128 hex digits); so do we. */
export function sameSha512(expected: string, actualBase64: string): boolean {
  const hex = /^[0-9a-f]{128}$/i.test(expected);
  const actual = hex ? Buffer.from(actualBase64, 'base64').toString('hex') : actualBase64;
  return hex ? actual.toLowerCase() === expected.toLowerCase() : actual === expected.trim();
}
