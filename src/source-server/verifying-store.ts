/**
 * @tus/file-store with the tus checksum extension (which @tus/server does not implement).
 * A chunk streams straight to disk while its sha256 is computed; if the digest differs from the
 * PATCH's `Upload-Checksum`, the file is cut back to where the chunk began and the request
 * fails with 460, so the client re-sends that chunk. The offset that counts (HEAD) is the
 * "verified offset" kept in SQLite after each accepted chunk: bytes of a chunk cut short by a
 * crash are never reported, and the next write starts by cutting them off.
 */
import { FileStore } from '@tus/file-store';
import Database from 'better-sqlite3';
import type { Upload } from '@tus/server';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import stream from 'node:stream';
import type { SourceDb } from './db.ts';

export const CHECKSUM_MISMATCH = { status_code: 460, body: 'Checksum Mismatch\n' };

export class VerifyingFileStore extends FileStore {
  /** The Upload-Checksum digest (base64) of the PATCH now writing each upload, or null. */
  readonly expected = new Map<string, string | null>();
  private readonly dir: string;
  private readonly db: Database.Database;

  constructor(directory: string, sourceDb: SourceDb) {
    super({ directory });
    this.dir = directory;
    this.extensions.push('checksum');
    // Its own connection with synchronous=NORMAL: WAL commits survive a killed process without
    // an fsync per chunk (the chunk data itself is not fsynced either); after a power cut the
    // verified offset can only fall back, which costs a re-send, never a wrong byte.
    this.db = new Database(sourceDb.name);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS upload_offsets (upload_id TEXT PRIMARY KEY, verified INTEGER NOT NULL)');
  }

  close(): void {
    this.db.close();
  }

  private verified(id: string): number | null {
    const row = this.db.prepare('SELECT verified FROM upload_offsets WHERE upload_id = ?').get(id) as { verified: number } | undefined;
    return row ? row.verified : null;
  }

  private setVerified(id: string, offset: number): void {
    this.db
      .prepare('INSERT INTO upload_offsets (upload_id, verified) VALUES (?, ?) ON CONFLICT(upload_id) DO UPDATE SET verified = excluded.verified')
      .run(id, offset);
  }

  override async create(upload: Upload): Promise<Upload> {
    const created = await super.create(upload);
    this.setVerified(upload.id, 0);
    return created;
  }

  /** Never truncates here: HEAD is not under the upload lock; write() does it under the lock. */
  override async getUpload(id: string): Promise<Upload> {
    const upload = await super.getUpload(id);
    const verified = this.verified(id);
    if (verified !== null && upload.offset > verified) upload.offset = verified;
    return upload;
  }

  override async write(readable: stream.Readable, id: string, offset: number): Promise<number> {
    const expected = this.expected.get(id) ?? null;
    const file = path.join(this.dir, id);
    // Drop an unverified tail a crash may have left (the tus handler holds the upload's lock).
    if ((await fs.promises.stat(file)).size > offset) await fs.promises.truncate(file, offset);
    const hash = crypto.createHash('sha256');
    const tapped = stream.pipeline(
      readable,
      new stream.Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      () => undefined,
    );
    const newOffset = await super.write(tapped, id, offset);
    if (expected !== null && hash.digest('base64') !== expected) {
      await fs.promises.truncate(file, offset);
      throw CHECKSUM_MISMATCH;
    }
    this.setVerified(id, newOffset);
    return newOffset;
  }

  override async remove(id: string): Promise<void> {
    await super.remove(id);
    this.db.prepare('DELETE FROM upload_offsets WHERE upload_id = ?').run(id);
  }
}
