import fs from 'node:fs';
import path from 'node:path';

/**
 * The folders of the data directory that the screen may play or show. Nothing else under the
 * data directory (the database, secrets) is ever served.
 */
export const MEDIA_ROOTS = ['assets', 'tts-preview', 'previews', 'renders'] as const;

/**
 * True when `file` (inside `dataDir`) is reached without following any symbolic link or junction:
 * a link placed in a media folder (by a package, a backup restore, a curious user) could otherwise
 * expose anything on the disk to the screen. A missing file is "no link" (it answers 404 later).
 */
export function reachedWithoutLinks(dataDir: string, file: string): boolean {
  let realFile: string;
  try {
    realFile = fs.realpathSync.native(file);
  } catch {
    return true;
  }
  const realData = fs.realpathSync.native(dataDir);
  return realFile === path.join(realData, path.relative(dataDir, file));
}
