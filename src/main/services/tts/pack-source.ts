/**
 * Brings a voice pack (a folder or a .zip) into a staging folder, checking every zip entry
 * against path traversal (absolute paths, "..", drive letters) before anything is written.
 * fflate does the unzipping; it inflates in memory, which suits packs of a few hundred MB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { StudioError } from '../../../shared/errors.ts';

/** The safe relative path of a zip entry, or an error naming the offending entry. */
export function safeEntryPath(name: string): string | null {
  const normalised = name.replace(/\\/g, '/');
  if (normalised.endsWith('/')) return null; // a folder entry
  if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised) || normalised.includes('\0')) {
    throw new StudioError('unsupported_format', `tệp zip có đường dẫn không an toàn: ${name} (unsafe path)`);
  }
  const parts = normalised.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) {
    throw new StudioError('unsupported_format', `tệp zip có đường dẫn không an toàn: ${name} (path traversal)`);
  }
  return parts.join('/');
}

export function extractZip(zipFile: string, dest: string): void {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(fs.readFileSync(zipFile)));
  } catch (error) {
    throw new StudioError('unsupported_format', `không đọc được tệp zip: ${(error as Error).message}`);
  }
  // Check every entry first so a bad one leaves nothing written.
  const plan: Array<[string, Uint8Array]> = [];
  for (const [name, data] of Object.entries(files)) {
    const rel = safeEntryPath(name);
    if (rel) plan.push([rel, data]);
  }
  for (const [rel, data] of plan) {
    const target = path.join(dest, rel);
    if (!target.startsWith(dest + path.sep)) throw new StudioError('unsupported_format', `unsafe zip entry ${rel}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data);
  }
}

/** Copies or extracts the pack at `source` into the (new, empty) folder `dest`. */
export function stagePack(source: string, dest: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new StudioError('not_found', `không tìm thấy ${source}`);
  }
  fs.mkdirSync(dest, { recursive: true });
  if (stat.isDirectory()) {
    fs.cpSync(source, dest, { recursive: true, dereference: true });
  } else if (source.toLowerCase().endsWith('.zip')) {
    extractZip(source, dest);
  } else {
    throw new StudioError('unsupported_format', 'gói giọng phải là một thư mục hoặc tệp .zip (a voice pack is a folder or a .zip)');
  }
}
