import crypto from 'node:crypto';
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
 * The folder must also take a file: a read-only drive or a folder without write permission is
 * refused here, at once, rather than by a job that has already started. Returns the absolute path.
 */
export function prepareDestinationFolder(dest: string): string {
  const absolute = path.resolve(dest);
  const real = realOrSelf(absolute);
  if (process.platform !== 'win32' && PSEUDO_ROOTS.some((root) => real === root || real.startsWith(`${root}/`))) {
    throw new StudioError('invalid_argument', `${absolute}: a system folder cannot hold files`, { reason: 'destination_system_folder', path: absolute });
  }
  try {
    const stat = fs.statSync(absolute, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory()) throw new StudioError('not_a_file', `${absolute}: not a folder`, { reason: 'destination_not_folder', path: absolute });
      assertWritable(absolute);
      return absolute;
    }
    const parent = path.dirname(absolute);
    if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory()) {
      throw new StudioError('not_found', `${parent}: the folder does not exist`, { reason: 'destination_parent_missing', path: parent });
    }
    try {
      fs.mkdirSync(absolute);
    } catch (error) {
      throw notWritable(error, parent);
    }
    return absolute;
  } catch (error) {
    throw systemErrorToStudioError(error) ?? error;
  }
}

/**
 * Writes and removes a small file: the only test that holds everywhere (permission bits, ACLs on
 * Windows, a read-only mount, a full quota), where fs.access only reads the permission bits.
 */
function assertWritable(folder: string): void {
  const probe = path.join(folder, `.studio-write-check-${crypto.randomBytes(6).toString('hex')}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
  } catch (error) {
    throw notWritable(error, folder);
  }
  fs.rmSync(probe, { force: true });
}

function notWritable(error: unknown, folder: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new StudioError('permission_denied', `${folder}: not writable (${String(code)})`, { reason: 'destination_not_writable', path: folder });
  }
  return error;
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
