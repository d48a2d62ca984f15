/** Bulletin records on the reference source server: one per (account, idempotency key). */
import { z } from 'zod';
import { SOURCE_STATUSES, type SourceDb, type SourceStatus } from './db.ts';

/** The metadata a studio sends (docs/source-protocol.openapi.yaml, BulletinMetadata). */
export const BulletinMetadata = z.object({
  bulletinId: z.number().int().positive(),
  title: z.string().trim().min(1).max(300),
  category: z.string().min(1).max(50),
  language: z.string().regex(/^[a-z]{2,3}$/),
  priority: z.enum(['normal', 'priority', 'emergency']),
  schedule: z.object({ kind: z.enum(['now', 'once', 'daily', 'weekly']) }).passthrough(),
  repeat: z.object({ count: z.number().int().min(1).max(10), gapMinutes: z.number().int().min(0) }),
  targetAreas: z.array(z.object({ id: z.number().int(), kind: z.string(), name: z.string(), code: z.string() })).max(5000),
  author: z.string().max(200),
  approver: z.string().max(200).nullable(),
  durationSec: z.number().min(0).nullable(),
  loudnessLufs: z.number().nullable(),
  // Optional: studios before these fields send only loudnessLufs.
  loudnessRangeLu: z.number().min(0).nullable().optional(),
  truePeakDbtp: z.number().nullable().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(1),
  fileName: z.string().min(1).max(255),
  mimeType: z.string().min(1).max(100),
  // Optional: what the file is. Absent or 'audio': the bulletin's audio. 'led-notice': an LED board
  // notice package (zip of notice.json and PNG frames, docs/source-protocol.openapi.yaml).
  contentType: z.enum(['audio', 'led-notice']).optional(),
  notice: z
    .object({
      width: z.number().int().min(1).max(4096),
      height: z.number().int().min(1).max(4096),
      colourClass: z.enum(['single', 'dual', 'full']),
      durationMs: z.number().int().min(1),
      frames: z.number().int().min(1),
    })
    .optional(),
});

/**
 * A finished programme (docs/source-protocol.openapi.yaml, ProgrammeMetadata): its rendered audio,
 * normalised to its loudness preset, and its running order for the record. Delivered like a
 * bulletin's audio (same record, idempotency and tus upload), told apart by `contentType`.
 */
export const ProgrammeMetadata = z.object({
  contentType: z.literal('programme'),
  programmeId: z.number().int().positive(),
  title: z.string().trim().min(1).max(300),
  language: z.string().regex(/^[a-z]{2,3}$/),
  priority: z.enum(['normal', 'priority', 'emergency']),
  presetLufs: z.union([z.literal(-23), z.literal(-16)]),
  durationSec: z.number().min(0),
  loudnessLufs: z.number().nullable(),
  loudnessRangeLu: z.number().min(0).nullable(),
  truePeakDbtp: z.number().nullable(),
  items: z
    .array(
      z.object({
        kind: z.enum(['bulletin', 'jingle', 'music_bed']),
        title: z.string().max(300),
        bulletinId: z.number().int().positive().nullable(),
        startSec: z.number().min(0),
        durationSec: z.number().min(0),
      }),
    )
    .min(1)
    .max(500),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(1),
  fileName: z.string().min(1).max(255),
  mimeType: z.string().min(1).max(100),
});

export type BulletinMetadata = z.infer<typeof BulletinMetadata>;
/** A programme has none of a bulletin's own fields (read as absent). */
export type ProgrammeMetadata = z.infer<typeof ProgrammeMetadata> & { bulletinId?: undefined; notice?: undefined };

/** What a record carries: a bulletin's audio (or LED notice), or a programme. */
export const RecordMetadata = z.union([ProgrammeMetadata, BulletinMetadata]);
export type RecordMetadata = BulletinMetadata | ProgrammeMetadata;

interface Row {
  id: number;
  account_id: number;
  idempotency_key: string;
  metadata: string;
  sha256: string;
  bytes: number;
  status: SourceStatus;
  reason: string | null;
  upload_id: string | null;
  received_sha256: string | null;
  audio_file: string | null;
  created_at: string;
  received_at: string | null;
  updated_at: string;
}

export interface BulletinRecord {
  id: string;
  idempotencyKey: string;
  status: SourceStatus;
  reason: string | null;
  sha256: string;
  bytes: number;
  receivedSha256: string | null;
  metadata: RecordMetadata;
  createdAt: string;
  receivedAt: string | null;
  updatedAt: string;
}

const toRecord = (row: Row): BulletinRecord => ({
  id: String(row.id),
  idempotencyKey: row.idempotency_key,
  status: row.status,
  reason: row.reason,
  sha256: row.sha256,
  bytes: row.bytes,
  receivedSha256: row.received_sha256,
  metadata: JSON.parse(row.metadata) as RecordMetadata,
  createdAt: row.created_at,
  receivedAt: row.received_at,
  updatedAt: row.updated_at,
});

export class BulletinRecords {
  constructor(private readonly db: SourceDb) {}

  /**
   * Creates the record for a key, or returns the one already there (created=false).
   * The same key with different audio is a client bug: refused, never merged.
   */
  createOrGet(accountId: number, key: string, metadata: RecordMetadata): { record: BulletinRecord; created: boolean } | { conflict: true } {
    return this.db.transaction(() => {
      const existing = this.db
        .prepare('SELECT * FROM bulletins WHERE account_id = ? AND idempotency_key = ?')
        .get(accountId, key) as Row | undefined;
      if (existing) {
        if (existing.sha256 !== metadata.sha256 || existing.bytes !== metadata.bytes) return { conflict: true as const };
        return { record: toRecord(existing), created: false };
      }
      const now = new Date().toISOString();
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO bulletins (account_id, idempotency_key, metadata, sha256, bytes, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'awaiting_audio', ?, ?)`,
        )
        .run(accountId, key, JSON.stringify(metadata), metadata.sha256, metadata.bytes, now, now);
      return { record: this.get(Number(lastInsertRowid))!, created: true };
    })();
  }

  get(id: number): BulletinRecord | null {
    const row = this.db.prepare('SELECT * FROM bulletins WHERE id = ?').get(id) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  getOwned(accountId: number, id: number): BulletinRecord | null {
    const row = this.db.prepare('SELECT * FROM bulletins WHERE id = ? AND account_id = ?').get(id, accountId) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  list(accountId: number | null, limit = 100): BulletinRecord[] {
    const rows = (
      accountId === null
        ? this.db.prepare('SELECT * FROM bulletins ORDER BY id DESC LIMIT ?').all(limit)
        : this.db.prepare('SELECT * FROM bulletins WHERE account_id = ? ORDER BY id DESC LIMIT ?').all(accountId, limit)
    ) as Row[];
    return rows.map(toRecord);
  }

  /** The record an upload belongs to, only for the account that owns it. */
  byUpload(accountId: number, uploadId: string): BulletinRecord | null {
    const row = this.db
      .prepare('SELECT * FROM bulletins WHERE upload_id = ? AND account_id = ?')
      .get(uploadId, accountId) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  attachUpload(id: number, uploadId: string): void {
    this.db.prepare('UPDATE bulletins SET upload_id = ?, updated_at = ? WHERE id = ?').run(uploadId, new Date().toISOString(), id);
  }

  markReceived(id: number, sha256: string, audioFile: string): void {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `UPDATE bulletins SET status = 'received', reason = NULL, received_sha256 = ?, audio_file = ?, received_at = ?, updated_at = ?
         WHERE id = ? AND status = 'awaiting_audio'`,
      )
      .run(sha256, audioFile, now, now, id);
  }

  /** Editorial decisions at the province (approve, schedule, air, reject with a reason). */
  setStatus(id: number, status: SourceStatus, reason: string | null): BulletinRecord | null {
    if (!SOURCE_STATUSES.includes(status)) return null;
    this.db.prepare('UPDATE bulletins SET status = ?, reason = ?, updated_at = ? WHERE id = ?').run(status, reason, new Date().toISOString(), id);
    return this.get(id);
  }

  /** How many records hold received audio per key: the exactly-once check of the tests. */
  countByKey(): Map<string, number> {
    const rows = this.db.prepare('SELECT idempotency_key AS key, COUNT(*) AS n FROM bulletins GROUP BY idempotency_key').all() as {
      key: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.key, r.n]));
  }
}
