/**
 * One folder's subfolders, for the browser-mode chooser: names sorted as Vietnamese sorts them,
 * hidden (dot) folders left out, files never listed (the chooser picks folders; files come by
 * upload).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FolderEntry } from '../../../shared/api/files.ts';
import { StudioError, systemErrorToStudioError } from '../../../shared/errors.ts';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** At most this many subfolders are listed: a folder with a million entries must not stall the host. */
export const MAX_LISTED_FOLDERS = 5000;

export async function listSubfolders(dir: string): Promise<{ path: string; parent: string | null; folders: FolderEntry[] }> {
  const absolute = path.resolve(dir);
  let entries: fs.Dirent[];
  try {
    const stat = await fs.promises.stat(absolute);
    if (!stat.isDirectory()) throw new StudioError('not_a_file', `${absolute}: not a folder`, { path: absolute, reason: 'folder_unreadable' });
    entries = await fs.promises.readdir(absolute, { withFileTypes: true });
  } catch (error) {
    if (error instanceof StudioError) throw error;
    const typed = systemErrorToStudioError(error);
    if (typed) throw new StudioError(typed.code, typed.message, { path: absolute, reason: 'folder_unreadable' });
    throw error;
  }
  const folders: FolderEntry[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(absolute, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await isFolder(full)))) folders.push({ name: entry.name, path: full });
    if (folders.length >= MAX_LISTED_FOLDERS) break;
  }
  folders.sort((a, b) => collator.compare(a.name, b.name));
  const parent = path.dirname(absolute);
  return { path: absolute, parent: parent === absolute ? null : parent, folders };
}

async function isFolder(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isDirectory();
  } catch {
    return false;
  }
}
