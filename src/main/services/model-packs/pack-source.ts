/**
 * Brings a model pack (a voice or a translation model; a folder or a .zip) into a staging folder, checking every entry against
 * path traversal (absolute paths, "..", drive letters) before it is written.
 *
 * A hostile pack must not exhaust the machine (issue 8): a 3 MB zip bomb used to inflate to
 * 6.5 GB in memory. So the zip is read and inflated as a stream (fflate's `Unzip`), in small
 * slices so no single inflated piece is large, each piece written straight to disk, with limits
 * on the total inflated size, the number of entries and the compression ratio. A folder pack is
 * walked without following any link (a link to `..` used to recurse), and anything that is not a
 * plain file or folder is refused before it is opened (a FIFO would block the copy).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { StudioError } from '../../../shared/errors.ts';

export interface PackLimits {
  /** Total bytes of all files once unpacked (the largest real packs are a few hundred MB). */
  maxBytes: number;
  maxEntries: number;
  /** Inflated bytes per compressed byte read, once past `ratioGraceBytes`. ONNX weights barely compress. */
  maxRatio: number;
  /** Small files (configs, licences) may compress far better than weights; below this the ratio is not judged. */
  ratioGraceBytes: number;
}

export const DEFAULT_PACK_LIMITS: PackLimits = {
  maxBytes: 2 * 1024 ** 3,
  maxEntries: 2000,
  maxRatio: 100,
  ratioGraceBytes: 32 * 1024 * 1024,
};

export interface StageOptions {
  limits?: Partial<PackLimits>;
  /** Throws to stop (job cancel); called between slices. */
  checkCancelled?: () => void;
}

const READ_CHUNK = 1024 * 1024;
/** Deflate inflates at most ~1032:1, so one slice yields at most ~16 MiB at a time. */
const PUSH_SLICE = 16 * 1024;

const tooLarge = (limit: 'bytes' | 'entries' | 'ratio', details: Record<string, unknown>) =>
  new StudioError('pack_too_large', `pack over its ${limit} limit`, { limit, ...details });

const unsafe = (name: string, problem: string) => new StudioError('unsupported_format', `unsafe pack entry ${name} (${problem})`, { entry: name, problem });

/** The safe relative path of a zip entry, or an error naming the offending entry. */
export function safeEntryPath(name: string): string | null {
  const normalised = name.replace(/\\/g, '/');
  if (normalised.endsWith('/')) return null; // a folder entry
  if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised) || normalised.includes('\0')) {
    throw unsafe(name, 'unsafe path');
  }
  const parts = normalised.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) {
    throw unsafe(name, 'path traversal');
  }
  return parts.join('/');
}

export function extractZip(zipFile: string, dest: string, options: StageOptions = {}): void {
  const limits = { ...DEFAULT_PACK_LIMITS, ...options.limits };
  let failure: unknown = null;
  let entries = 0;
  let inflated = 0;
  let compressedRead = 0;
  const open = new Set<number>();

  const fail = (error: unknown) => {
    failure ??= error;
  };

  const onFile = (file: UnzipFile) => {
    if (failure) return;
    try {
      const rel = safeEntryPath(file.name);
      if (rel === null) return; // a folder entry: folders are made for the files in them
      entries += 1;
      if (entries > limits.maxEntries) throw tooLarge('entries', { max: limits.maxEntries });
      if (file.originalSize !== undefined && inflated + file.originalSize > limits.maxBytes) {
        throw tooLarge('bytes', { max: limits.maxBytes, entry: file.name });
      }
      const target = path.join(dest, rel);
      if (!target.startsWith(dest + path.sep)) throw unsafe(file.name, 'outside the pack');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // 'wx': an entry listed twice must not overwrite the first.
      let fd: number;
      try {
        fd = fs.openSync(target, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw unsafe(file.name, 'listed twice');
        throw error;
      }
      open.add(fd);
      let written = 0;
      file.ondata = (error, data, final) => {
        if (failure) return;
        try {
          if (error) throw new StudioError('unsupported_format', `zip unreadable: ${error.message}`, { problem: 'unreadable' });
          written += data.length;
          inflated += data.length;
          if (inflated > limits.maxBytes) throw tooLarge('bytes', { max: limits.maxBytes, entry: file.name });
          if (file.originalSize !== undefined && written > file.originalSize) throw unsafe(file.name, 'larger than declared');
          if (inflated > limits.ratioGraceBytes && inflated > limits.maxRatio * Math.max(1, compressedRead)) {
            throw tooLarge('ratio', { max: limits.maxRatio, entry: file.name });
          }
          for (let at = 0; at < data.length; ) at += fs.writeSync(fd, data, at, data.length - at);
          if (final) {
            open.delete(fd);
            fs.closeSync(fd);
          }
        } catch (caught) {
          fail(caught);
          file.terminate();
        }
      };
      file.start();
    } catch (caught) {
      fail(caught);
    }
  };

  const unzipper = new Unzip(onFile);
  unzipper.register(UnzipInflate);
  unzipper.register(UnzipPassThrough);

  let fd: number;
  try {
    fd = fs.openSync(zipFile, 'r');
  } catch (error) {
    throw new StudioError('unsupported_format', `zip unreadable: ${(error as Error).message}`, { problem: 'unreadable' });
  }
  const buffer = Buffer.alloc(READ_CHUNK);
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, READ_CHUNK, null);
      const final = read === 0;
      if (final) {
        unzipper.push(new Uint8Array(0), true);
        break;
      }
      for (let at = 0; at < read && !failure; at += PUSH_SLICE) {
        options.checkCancelled?.();
        const slice = buffer.subarray(at, Math.min(read, at + PUSH_SLICE));
        compressedRead += slice.length;
        try {
          unzipper.push(slice);
        } catch (error) {
          fail(error instanceof StudioError ? error : new StudioError('unsupported_format', `zip unreadable: ${(error as Error).message}`, { problem: 'unreadable' }));
        }
      }
      if (failure) break;
    }
  } catch (error) {
    fail(error instanceof StudioError ? error : new StudioError('unsupported_format', `zip unreadable: ${(error as Error).message}`, { problem: 'unreadable' }));
  } finally {
    fs.closeSync(fd);
    for (const entry of open) fs.closeSync(entry);
  }
  if (failure) throw failure;
  if (open.size > 0 || entries === 0) throw new StudioError('unsupported_format', 'zip unreadable: truncated or empty archive', { problem: 'truncated', entries });
}

/**
 * Copies a folder pack without following links: a link anywhere inside is refused (`pack_symlink`),
 * as is anything that is neither a plain file nor a folder; sizes and counts are held to the limits.
 */
export function copyFolder(source: string, dest: string, options: StageOptions = {}): void {
  const limits = { ...DEFAULT_PACK_LIMITS, ...options.limits };
  let entries = 0;
  let bytes = 0;
  const walk = (from: string, to: string) => {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      options.checkCancelled?.();
      const full = path.join(from, entry.name);
      const rel = path.relative(source, full);
      if (entry.isSymbolicLink()) throw new StudioError('pack_symlink', rel, { entry: rel });
      entries += 1;
      if (entries > limits.maxEntries) throw tooLarge('entries', { max: limits.maxEntries });
      if (entry.isDirectory()) walk(full, path.join(to, entry.name));
      else if (entry.isFile()) {
        bytes += fs.lstatSync(full).size;
        if (bytes > limits.maxBytes) throw tooLarge('bytes', { max: limits.maxBytes, entry: rel });
        fs.copyFileSync(full, path.join(to, entry.name), fs.constants.COPYFILE_EXCL);
      } else throw unsafe(rel, 'not a plain file');
    }
  };
  walk(source, dest);
}

/** Copies or extracts the pack at `source` into the (new, empty) folder `dest`. */
export function stagePack(source: string, dest: string, options: StageOptions = {}): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw new StudioError('not_found', `pack not found: ${source}`, { path: source });
  }
  fs.mkdirSync(dest, { recursive: true });
  if (stat.isDirectory()) {
    copyFolder(source, dest, options);
  } else if (stat.isFile() && source.toLowerCase().endsWith('.zip')) {
    extractZip(source, dest, options);
  } else {
    throw new StudioError('unsupported_format', 'a pack is a folder or a .zip', { problem: 'not_folder_or_zip' });
  }
}
