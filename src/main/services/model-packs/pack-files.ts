/** Reading a staged or installed pack's files: sizes, hashes, and config files that may be absent or broken. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Total size of a folder's files. */
export function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A text file's contents, or '' where it is missing or unreadable. */
export const readText = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** A JSON object file, or {} where it is missing, unreadable or not an object. */
export const readJson = (file: string): Record<string, unknown> => {
  try {
    const value = JSON.parse(readText(file)) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
