/**
 * Files the browser uploads (browser mode has no paths on the user's side): streamed to a staging
 * file under the data folder, never held in memory, refused past a size limit or when their first
 * bytes are not what the purpose needs, and removed when refused, released, or left over a day.
 * The staged file keeps the user's file name (in a folder of its own), so an import names the
 * asset as the user's file was named.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StagedUpload } from '../../../shared/api/files.ts';
import { StudioError, systemErrorToStudioError } from '../../../shared/errors.ts';

export interface StageOptions {
  /** The user's file name (from the browser): only its last part is used, cleaned for every file system. */
  name: string;
  maxBytes: number;
  /** The size the client declared (Content-Length): over the limit is refused before a byte is read. */
  declaredBytes?: number;
  /** Looks at the first bytes (up to 64 KiB) and throws a StudioError when they are not acceptable. */
  checkHead?: (head: Buffer) => void;
  /** Kept until the user changes it (a CA certificate the delivery settings point at), never swept. */
  keep?: boolean;
}

const HEAD_BYTES = 64 * 1024;
/** Uploads nobody released (a tab closed mid-way) are removed after this long. */
export const STAGED_MAX_AGE_MS = 24 * 3600_000;

/** A name safe on Windows and Unix alike: no folders, no reserved characters, no trailing dots. */
export function cleanUploadName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/[. ]+$/, '')
    .slice(0, 200);
  if (!cleaned || cleaned === '.' || cleaned === '..') throw new StudioError('invalid_argument', 'upload without a file name', { reason: 'upload_name_missing' });
  return cleaned;
}

export class UploadStaging {
  /** `stagingDir` is swept and may be emptied; `keepDir` holds uploads kept for settings. */
  constructor(
    private readonly stagingDir: string,
    private readonly keepDir: string,
  ) {}

  async stage(body: Readable, options: StageOptions): Promise<StagedUpload> {
    const name = cleanUploadName(options.name);
    const tooLarge = () => new StudioError('too_large', `upload over ${options.maxBytes} bytes`, { reason: 'upload_too_large', maxBytes: options.maxBytes, maxMiB: Math.max(1, Math.round(options.maxBytes / 1048576)) });
    if (options.declaredBytes !== undefined && options.declaredBytes > options.maxBytes) {
      body.resume();
      throw tooLarge();
    }
    const folder = path.join(options.keep ? this.keepDir : this.stagingDir, randomBytes(12).toString('hex'));
    const target = path.join(folder, name);
    const part = path.join(folder, '.upload.part');
    let bytes = 0;
    let head: Buffer | null = Buffer.alloc(0);
    const check = () => {
      if (head && options.checkHead) options.checkHead(head);
      head = null;
    };
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > options.maxBytes) return done(tooLarge());
        try {
          if (head) {
            head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
            if (head.length >= HEAD_BYTES) check();
          }
        } catch (error) {
          return done(error as Error);
        }
        done(null, chunk);
      },
      flush(done) {
        try {
          check();
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    });
    try {
      await fs.promises.mkdir(folder, { recursive: true });
      // The body is piped, not handed to pipeline: on a refusal it is drained rather than destroyed,
      // so the browser still reads the answer that says why.
      body.once('error', (error) => meter.destroy(error));
      body.once('close', () => {
        if (!body.readableEnded) meter.destroy(Object.assign(new Error('the upload was cut off'), { code: 'ECONNRESET' }));
      });
      body.pipe(meter);
      await pipeline(meter, fs.createWriteStream(part, { flags: 'wx' }));
      await fs.promises.rename(part, target);
    } catch (error) {
      body.unpipe(meter);
      body.resume();
      await fs.promises.rm(folder, { recursive: true, force: true });
      if (error instanceof StudioError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      // The browser went away or the connection broke: nothing half-written stays behind.
      if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED') {
        throw new StudioError('io_error', 'the upload ended before the file did', { reason: 'upload_interrupted' });
      }
      throw systemErrorToStudioError(error) ?? error;
    }
    return { path: target, name, bytes };
  }

  /** Removes a staged upload once its request has used it; a path outside the staging folder is ignored. */
  async release(file: string): Promise<boolean> {
    const folder = path.dirname(path.resolve(file));
    if (path.dirname(folder) !== path.resolve(this.stagingDir)) return false;
    await fs.promises.rm(folder, { recursive: true, force: true });
    return true;
  }

  /** Removes staged uploads older than `maxAgeMs` (all of them with 0); kept ones stay. */
  async sweep(maxAgeMs = STAGED_MAX_AGE_MS, now = Date.now()): Promise<number> {
    let removed = 0;
    let entries: string[];
    try {
      entries = await fs.promises.readdir(this.stagingDir);
    } catch {
      return 0;
    }
    for (const entry of entries) {
      const folder = path.join(this.stagingDir, entry);
      try {
        const stat = await fs.promises.stat(folder);
        if (now - stat.mtimeMs >= maxAgeMs) {
          await fs.promises.rm(folder, { recursive: true, force: true });
          removed++;
        }
      } catch {
        // Gone already.
      }
    }
    return removed;
  }
}
