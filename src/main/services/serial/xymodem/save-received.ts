/**
 * Where a received file lands: in the chosen folder, under the name the device gave (YMODEM) or a
 * dated name (XMODEM carries none), never over an existing file (`log.txt` → `log (2).txt`), and
 * written to a temporary name first, so a crash leaves either the whole file or nothing under it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SavedFile {
  name: string;
  bytes: number;
  sha256: string;
  /** Full path of the saved file. */
  path: string;
}

/** `xmodem-2026-12-02-0712.bin`: XMODEM sends no name. */
export function xmodemName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `xmodem-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}.bin`;
}

/** A name safe on Windows and Linux: no folders, no reserved characters, not empty. */
export function safeName(name: string): string {
  const cleaned = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[<>:"|?*\x00-\x1f]/g, '_')
    .replace(/[. ]+$/, '')
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'received.bin' : cleaned;
}

function freePath(dest: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dest, n === 1 ? name : `${stem} (${n})${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

export function saveReceived(dest: string, name: string, data: Uint8Array, mtime?: Date): SavedFile {
  const target = freePath(dest, safeName(name));
  const temporary = `${target}.part-${process.pid}`;
  fs.writeFileSync(temporary, data, { flag: 'wx' });
  try {
    if (mtime) fs.utimesSync(temporary, mtime, mtime);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return { name: path.basename(target), bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), path: target };
}
