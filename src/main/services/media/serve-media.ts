import fs from 'node:fs';
import path from 'node:path';
import { MEDIA_ROOTS, reachedWithoutLinks } from './media-roots.ts';
import { mediaType } from './media-types.ts';

export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  /** Absent for errors and HEAD-like answers. */
  body?: fs.ReadStream;
}

/** Maps `assets/x.wav` to a file inside the data dir, refusing anything outside the media roots. */
export function resolveMediaPath(dataDir: string, relative: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  const normalised = path.posix.normalize(decoded.replace(/\\/g, '/')).replace(/^\/+/, '');
  const root = normalised.split('/')[0];
  if (normalised.startsWith('..') || !(MEDIA_ROOTS as readonly string[]).includes(root ?? '')) return null;
  const full = path.resolve(dataDir, normalised);
  if (!full.startsWith(path.resolve(dataDir) + path.sep)) return null;
  return reachedWithoutLinks(dataDir, full) ? full : null;
}

/**
 * One handler for audio with HTTP Range (RFC 9110 §14), used by the bridge under /media/ and by
 * the Electron shell's media protocol, so seeking in a long programme never reads the whole file.
 */
export function serveMedia(file: string | null, rangeHeader: string | undefined): MediaResponse {
  let stat: fs.Stats;
  let fd: number;
  try {
    if (!file) throw new Error('outside media roots');
    stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
  } catch {
    return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  }
  try {
    // Opened here, not lazily by the stream: a file that can be stat-ed but not read (permissions,
    // an antivirus lock on Windows) answers 403 instead of failing a stream nobody listens to.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const status = code === 'ENOENT' ? 404 : code === 'EACCES' || code === 'EPERM' || code === 'ELOOP' ? 403 : 500;
    return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  }
  const stream = (options: { start?: number; end?: number } = {}) => fs.createReadStream(file, { fd, autoClose: true, ...options });
  const type = mediaType(file);
  const common = { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-cache' };
  const size = stat.size;
  if (!rangeHeader) {
    return { status: 200, headers: { ...common, 'Content-Length': String(size) }, body: stream() };
  }
  const range = parseRange(rangeHeader, size);
  if (!range) {
    fs.closeSync(fd);
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` } };
  }
  const [start, end] = range;
  return {
    status: 206,
    headers: { ...common, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${size}` },
    body: stream({ start, end }),
  };
}

/** A single byte range ("bytes=0-99", "bytes=100-", "bytes=-500"); multi-range is not needed by players. */
export function parseRange(header: string, size: number): [number, number] | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '') || size === 0) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? [start, end] : null;
}
