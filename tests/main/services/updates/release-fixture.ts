import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { stringifyLatestYml } from '../../../../src/main/services/updates/index.ts';

export interface FakeRelease {
  dir: string;
  version: string;
  installer: string;
  installerName: string;
  blockmap: string;
  latestYml: string;
}

/** Block size of our fake block maps. electron-builder's app-builder cuts content-defined chunks. */
const BLOCK = 16 * 1024;

/**
 * A block map in electron-builder's format (gzipped JSON, version 2, one file named "file"). The
 * chunks here are fixed-size with a sha256 per chunk; electron-updater only compares checksums
 * between the old and new maps and adds up sizes, so any consistent chunking serves its
 * differential download.
 */
export function blockmapOf(data: Buffer): Buffer {
  const checksums: string[] = [];
  const sizes: number[] = [];
  for (let offset = 0; offset < data.length; offset += BLOCK) {
    const chunk = data.subarray(offset, Math.min(offset + BLOCK, data.length));
    checksums.push(crypto.createHash('sha256').update(chunk).digest('base64'));
    sizes.push(chunk.length);
  }
  return zlib.gzipSync(JSON.stringify({ version: '2', files: [{ name: 'file', offset: 0, checksums, sizes }] }));
}

/** Deterministic bytes standing for an NSIS installer (the real one cannot be built here). */
export function installerBytes(seed: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  let block = crypto.createHash('sha512').update(seed).digest();
  for (let offset = 0; offset < size; offset += block.length) {
    block.copy(out, offset);
    block = crypto.createHash('sha512').update(block).digest();
  }
  return out;
}

/** A release folder as `npm run make` leaves it: installer, its .blockmap, latest.yml. */
export function makeRelease(dir: string, version: string, options: { data?: Buffer; notes?: string; name?: string } = {}): FakeRelease {
  fs.mkdirSync(dir, { recursive: true });
  const data = options.data ?? installerBytes(`studio ${version}`, 300 * 1024 + 123);
  const installerName = options.name ?? `Studio-Setup-${version}.exe`;
  const installer = path.join(dir, installerName);
  fs.writeFileSync(installer, data);
  fs.writeFileSync(`${installer}.blockmap`, blockmapOf(data));
  const sha512 = crypto.createHash('sha512').update(data).digest('base64');
  const latestYml = path.join(dir, 'latest.yml');
  fs.writeFileSync(
    latestYml,
    stringifyLatestYml({
      version,
      files: [{ url: installerName, sha512, size: data.length }],
      releaseDate: '2026-11-20T08:30:00.000Z',
      releaseName: null,
      releaseNotes: options.notes ?? `Bản ${version}: sửa lỗi đọc số điện thoại.`,
    }),
  );
  return { dir, version, installer, installerName, blockmap: `${installer}.blockmap`, latestYml };
}
