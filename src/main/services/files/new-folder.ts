/**
 * "Thư mục mới" in the browser-mode folder chooser: one folder made inside the one being looked
 * at. The name is checked the way the strictest system the folder may end up on (a FAT/NTFS USB
 * stick, Windows) would check it, so a name that works here works on the stick in the commune.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StudioError, systemErrorToStudioError } from '../../../shared/errors.ts';

/** Windows' reserved device names: a folder called "CON" or "com1.txt" cannot be opened there. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/;
const MAX_NAME_BYTES = 255;

/** Why a folder name cannot be used, or null when it can. */
export function folderNameProblem(name: string): 'empty' | 'characters' | 'dots' | 'ending' | 'reserved' | 'length' | null {
  if (name.trim() === '') return 'empty';
  if (FORBIDDEN.test(name)) return 'characters';
  if (name === '.' || name === '..') return 'dots';
  if (/[. ]$/.test(name) || /^ /.test(name)) return 'ending';
  if (RESERVED.test(name)) return 'reserved';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return 'length';
  return null;
}

/** Makes `name` inside `parent` (which must exist) and answers the new folder's path. */
export async function makeFolder(parent: string, name: string): Promise<string> {
  // Composed, as the screen's text is NFC and a stick's listing elsewhere compares it so.
  const clean = name.normalize('NFC');
  const problem = folderNameProblem(clean);
  if (problem) throw new StudioError('invalid_argument', `bad folder name "${clean}" (${problem})`, { reason: `folder_name_${problem}`, name: clean });
  const absolute = path.resolve(parent);
  const target = path.join(absolute, clean);
  try {
    const stat = await fs.promises.stat(absolute);
    if (!stat.isDirectory()) throw new StudioError('not_a_file', `${absolute}: not a folder`, { path: absolute, reason: 'folder_unreadable' });
    await fs.promises.mkdir(target);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new StudioError('conflict', `${target} exists`, { path: target, name: clean, reason: 'folder_exists' });
    const typed = systemErrorToStudioError(error);
    if (typed) throw new StudioError(typed.code, typed.message, { path: absolute, reason: 'folder_not_created' });
    throw error;
  }
  return target;
}
