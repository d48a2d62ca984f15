import fs from 'node:fs';
import path from 'node:path';
import { StudioError, systemErrorToStudioError } from '../../../shared/errors.ts';

/**
 * Kernel file systems that look like folders but hold no files: writing a backup under /proc or
 * /sys fails in odd ways or never ends; /dev holds devices, not backups.
 */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

/**
 * Checks a folder the user named as a destination (a backup, an export folder) and creates it if
 * only its last part is missing. A destination whose parent does not exist is refused: a typo
 * (`/media/usb0/bakup/2024`) must not silently build a tree of folders somewhere unexpected.
 * Returns the absolute path.
 */
export function prepareDestinationFolder(dest: string): string {
  const absolute = path.resolve(dest);
  const real = realOrSelf(absolute);
  if (process.platform !== 'win32' && PSEUDO_ROOTS.some((root) => real === root || real.startsWith(`${root}/`))) {
    throw new StudioError('invalid_argument', `${absolute}: a system folder cannot hold files`, { path: absolute });
  }
  try {
    const stat = fs.statSync(absolute, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) throw new StudioError('not_a_file', `${absolute}: not a folder`, { path: absolute });
      return absolute;
    }
    const parent = path.dirname(absolute);
    if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory()) {
      throw new StudioError('not_found', `${parent}: the folder does not exist`, { path: parent });
    }
    fs.mkdirSync(absolute);
    return absolute;
  } catch (error) {
    throw systemErrorToStudioError(error) ?? error;
  }
}

function realOrSelf(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}
