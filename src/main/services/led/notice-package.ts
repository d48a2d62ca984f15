/**
 * A notice package as one file for the outbox: notice.json and the PNG frames (export.ts) zipped
 * (stored, not deflated: PNGs are compressed already) under led-packages/ in the data folder,
 * named by its content hash so an edited notice makes a new file and a queued one never changes.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { ColourClass, Programme } from '../../../shared/led/index.ts';
import { exportNoticePackage, type NoticeMeta } from './export.ts';

export const PACKAGE_DIR = 'led-packages';

export interface NoticeZip {
  file: string;
  sha256: string;
  bytes: number;
  frames: number;
}

export async function writeNoticeZip(dataDir: string, noticeId: number, programme: Programme, meta: NoticeMeta, colourClass: ColourClass): Promise<NoticeZip> {
  const dir = path.join(dataDir, PACKAGE_DIR);
  const staging = path.join(dir, `.staging-${randomUUID()}`);
  try {
    const { manifest, files } = await exportNoticePackage(programme, staging, meta, { colourClass });
    const entries: Record<string, Uint8Array> = { 'notice.json': await fs.readFile(manifest) };
    for (const name of files) entries[name] = await fs.readFile(path.join(staging, name));
    const zip = zipSync(entries, { level: 0, mtime: new Date('2020-01-01T00:00:00Z') });
    const sha256 = createHash('sha256').update(zip).digest('hex');
    const file = path.join(dir, `notice-${noticeId}-${sha256.slice(0, 12)}.zip`);
    await fs.writeFile(`${file}.part`, zip);
    await fs.rename(`${file}.part`, file);
    return { file, sha256, bytes: zip.byteLength, frames: files.length };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
