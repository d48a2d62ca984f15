/** The outbox table: what is waiting to go, in what order, and how far each upload got. */
import crypto from 'node:crypto';
import type { OutboxError, OutboxItem, OutboxState, RemoteStatus } from '../../../shared/api/delivery.ts';
import type { Priority } from '../../../shared/api/library-types.ts';
import { StudioError, type ErrorPayload } from '../../../shared/errors.ts';
import { writeRelaxed, type Db } from '../storage/index.ts';
import type { BulletinMetadata, DeliveryPayload, ResumeState } from './connector.ts';

/** The stored last error: the contract's OutboxError plus the details its words are made from. */


const RANK: Record<Priority, number> = { emergency: 0, priority: 1, normal: 2 };

interface Row {
  id: number;
  bulletin_id: number | null;
  programme_id: number | null;
  title: string;
  target: 'source' | 'package';
  dest: string;
  priority: Priority;
  priority_rank: number;
  state: OutboxState;
  idempotency_key: string;
  payload: string;
  resume: string;
  sent_bytes: number;
  total_bytes: number;
  wire_bytes: number;
  attempts: number;
  last_error: string | null;
  next_attempt_at: number | null;
  remote_id: string | null;
  remote_status: RemoteStatus | null;
  remote_reason: string | null;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

/** The stored payload keeps the audio path relative to the data dir, so the data dir can move. */
export interface StoredPayload extends Omit<DeliveryPayload, 'audioPath'> {
  audioFile: string;
}

export interface DueItem {
  item: OutboxItem;
  payload: StoredPayload;
  resume: ResumeState;
}

const toItem = (row: Row): OutboxItem => ({
  id: row.id,
  bulletinId: row.bulletin_id,
  programmeId: row.programme_id,
  title: row.title,
  target: row.target,
  dest: row.dest,
  priority: row.priority,
  state: row.state,
  idempotencyKey: row.idempotency_key,
  sentBytes: row.sent_bytes,
  totalBytes: row.total_bytes,
  wireBytes: row.wire_bytes,
  attempts: row.attempts,
  lastError: row.last_error ? (JSON.parse(row.last_error) as OutboxError) : null,
  nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at).toISOString(),
  remoteId: row.remote_id,
  remoteStatus: row.remote_status,
  remoteReason: row.remote_reason,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deliveredAt: row.delivered_at,
});

export class OutboxStore {
  constructor(private readonly db: Db) {}

  /**
   * Queues a bulletin for one destination. Queuing it again while it is still waiting returns
   * the waiting item (one key, one delivery); once delivered, sending again is refused.
   */
  enqueue(input: {
    /** Exactly one of the two: what the item delivers. */
    bulletinId?: number;
    programmeId?: number;
    title: string;
    target: 'source' | 'package';
    dest: string;
    priority: Priority;
    payload: Omit<StoredPayload, 'idempotencyKey'>;
    /** Not before this time (ms): held while its loudness is measured (see fillLoudness). */
    holdUntil?: number;
  }): OutboxItem {
    return this.db.transaction(() => {
      // A programme is the same delivery only with the same render: a new render may go again.
      const existing = (
        input.programmeId !== undefined
          ? this.db
              .prepare(
                `SELECT * FROM outbox WHERE programme_id = ? AND target = ? AND dest = ? AND json_extract(payload, '$.metadata.sha256') = ?
                   AND state IN ('queued','sending','delivered') ORDER BY id DESC LIMIT 1`,
              )
              .get(input.programmeId, input.target, input.dest, input.payload.metadata.sha256)
          : this.db
              .prepare(`SELECT * FROM outbox WHERE bulletin_id = ? AND target = ? AND dest = ? AND state IN ('queued','sending','delivered') ORDER BY id DESC LIMIT 1`)
              .get(input.bulletinId, input.target, input.dest)
      ) as Row | undefined;
      if (existing?.state === 'delivered') {
        throw new StudioError('conflict', `already delivered to ${input.dest} (outbox item ${existing.id})`, {
          reason: 'outbox_already_delivered',
          outboxId: existing.id,
          title: input.title,
          dest: input.dest,
        });
      }
      if (existing) return toItem(existing);
      const key = `studio-${crypto.randomUUID()}`;
      const now = new Date().toISOString();
      const payload: StoredPayload = { ...input.payload, idempotencyKey: key };
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO outbox (bulletin_id, programme_id, title, target, dest, priority, priority_rank, state, idempotency_key, payload,
                               total_bytes, next_attempt_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.bulletinId ?? null, input.programmeId ?? null, input.title, input.target, input.dest, input.priority, RANK[input.priority], key, JSON.stringify(payload), payload.metadata.bytes, input.holdUntil ?? null, now, now);
      return this.get(Number(lastInsertRowid));
    })();
  }

  get(id: number): OutboxItem {
    return toItem(this.row(id));
  }

  private row(id: number): Row {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new StudioError('not_found', `outbox item ${id}`, { reason: 'outbox_item_missing', id });
    return row;
  }

  list(filter: { state?: OutboxState; limit?: number; programmeId?: number } = {}): OutboxItem[] {
    if (filter.programmeId !== undefined) {
      const rows = this.db.prepare('SELECT * FROM outbox WHERE programme_id = ? ORDER BY id DESC LIMIT ?').all(filter.programmeId, filter.limit ?? 200) as Row[];
      return rows.map(toItem);
    }
    const rows = (
      filter.state
        ? this.db.prepare('SELECT * FROM outbox WHERE state = ? ORDER BY priority_rank, id DESC LIMIT ?').all(filter.state, filter.limit ?? 200)
        : this.db
            .prepare(`SELECT * FROM outbox ORDER BY state IN ('delivered','cancelled'), priority_rank, id DESC LIMIT ?`)
            .all(filter.limit ?? 200)
    ) as Row[];
    return rows.map(toItem);
  }

  /** Items changed after `iso` (by any process), oldest change first. */
  changedSince(iso: string): OutboxItem[] {
    return (this.db.prepare('SELECT * FROM outbox WHERE updated_at > ? ORDER BY updated_at LIMIT 500').all(iso) as Row[]).map(toItem);
  }

  /**
   * The next item to send now: emergency first, then priority, then normal; oldest first. An item
   * held for its loudness (never tried, not yet due) keeps its place: what would go after it waits
   * too, so a measurement never reorders the queue. Emergency items are never held, so never wait.
   */
  /** What an item carries: a bulletin's audio, or another content type (an LED notice package). */
  contentType(id: number): 'audio' | 'led-notice' | 'programme' {
    const row = this.db.prepare('SELECT payload FROM outbox WHERE id = ?').get(id) as { payload: string } | undefined;
    return (row && (JSON.parse(row.payload) as StoredPayload).metadata.contentType) || 'audio';
  }

  nextDue(now: number): DueItem | null {
    const row = this.db
      .prepare(
        `SELECT * FROM outbox o WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
           AND NOT EXISTS (SELECT 1 FROM outbox h WHERE h.state = 'queued' AND h.attempts = 0 AND h.next_attempt_at > ?
                             AND (h.priority_rank < o.priority_rank OR (h.priority_rank = o.priority_rank AND h.id < o.id)))
         ORDER BY priority_rank, id LIMIT 1`,
      )
      .get(now, now) as Row | undefined;
    return row ? { item: toItem(row), payload: JSON.parse(row.payload) as StoredPayload, resume: JSON.parse(row.resume) as ResumeState } : null;
  }

  /** When the worker should look again, if nothing is due now. */
  nextWakeAt(): number | null {
    const row = this.db.prepare(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE state = 'queued'`).get() as { at: number | null };
    return row.at;
  }

  /**
   * Every file an outbox item sends (relative to the data folder, with "/"), with the item's state
   * and when it last changed: what decides whether the file may go (see prune-files.ts).
   */
  fileReferences(): { file: string; state: OutboxState; updatedAt: string }[] {
    const rows = this.db.prepare(`SELECT json_extract(payload, '$.audioFile') AS file, state, updated_at FROM outbox`).all() as { file: unknown; state: OutboxState; updated_at: string }[];
    return rows.filter((r) => typeof r.file === 'string').map((r) => ({ file: (r.file as string).replace(/\\/g, '/'), state: r.state, updatedAt: r.updated_at }));
  }

  /** After a crash, items left "sending" go back to the queue with their resume state intact. */
  requeueInterrupted(): number {
    return this.db.prepare(`UPDATE outbox SET state = 'queued', next_attempt_at = NULL WHERE state = 'sending'`).run().changes;
  }

  private update(id: number, sql: string, ...params: unknown[]): OutboxItem {
    this.db.prepare(`UPDATE outbox SET ${sql}, updated_at = ? WHERE id = ?`).run(...params, new Date().toISOString(), id);
    return this.get(id);
  }

  /** Claims a queued item (a cancel may have just taken it out of the queue). */
  markSending(id: number): OutboxItem {
    this.db
      .prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state = 'queued'`)
      .run(new Date().toISOString(), id);
    return this.get(id);
  }

  saveResume(id: number, resume: ResumeState): void {
    this.db.prepare('UPDATE outbox SET resume = ? WHERE id = ?').run(JSON.stringify(resume), id);
  }

  saveProgress(id: number, sentBytes: number): void {
    // Several times a second during an upload: relaxed, see writeRelaxed.
    writeRelaxed(this.db, () => this.db.prepare('UPDATE outbox SET sent_bytes = ? WHERE id = ?').run(sentBytes, id));
  }

  addWireBytes(id: number, bytes: number): void {
    writeRelaxed(this.db, () => this.db.prepare('UPDATE outbox SET wire_bytes = wire_bytes + ? WHERE id = ?').run(bytes, id));
  }

  markDelivered(id: number, remote: { remoteId: string; status: RemoteStatus; reason: string | null }): OutboxItem {
    const now = new Date().toISOString();
    return this.update(
      id,
      `state = 'delivered', sent_bytes = total_bytes, last_error = NULL, remote_id = ?, remote_status = ?, remote_reason = ?, delivered_at = ?`,
      remote.remoteId,
      remote.status,
      remote.reason,
      now,
    );
  }

  /** A failed attempt: back in the queue with the error and the time of the next try. */
  /** Keeps the error's code and details, from which the screen puts it into words. */
  markFailed(id: number, error: ErrorPayload, retryAt: number): OutboxItem {
    const stored: OutboxError = { code: error.code, message: error.message, details: error.details, at: new Date().toISOString() };
    return this.update(id, `state = CASE WHEN state = 'cancelled' THEN 'cancelled' ELSE 'queued' END, last_error = ?, next_attempt_at = ?`, JSON.stringify(stored), retryAt);
  }

  /** Interrupted on purpose (closing, or an emergency item jumped the queue): no penalty. */
  markInterrupted(id: number): OutboxItem {
    return this.update(id, `state = CASE WHEN state = 'sending' THEN 'queued' ELSE state END, next_attempt_at = NULL`);
  }

  /**
   * Queues a waiting, failed or cancelled item again. `fileExists` answers whether its audio file
   * (relative to the data folder) is still there: a finished item's file may have been removed
   * after the days files are kept (prune-files.ts), and then only a new delivery can send it.
   */
  retry(id: number, fileExists: (audioFile: string) => boolean): OutboxItem {
    const row = this.row(id);
    if (row.state === 'delivered') throw new StudioError('invalid_transition', 'already delivered', { reason: 'outbox_item_delivered' });
    if (row.state === 'sending') return toItem(row);
    if (!fileExists((JSON.parse(row.payload) as StoredPayload).audioFile)) {
      throw new StudioError('not_found', 'the file this delivery sent has been removed', { reason: 'outbox_file_removed' });
    }
    return this.update(id, `state = 'queued', next_attempt_at = NULL`);
  }

  cancel(id: number): OutboxItem {
    const row = this.row(id);
    if (row.state === 'delivered') throw new StudioError('invalid_transition', 'already delivered, cannot cancel', { reason: 'outbox_item_delivered_cancel' });
    return this.update(id, `state = 'cancelled', next_attempt_at = NULL`);
  }

  /** Points waiting source items at a new server address; their upload starts afresh there. */
  redirect(fromUrl: string, toUrl: string): OutboxItem[] {
    const rows = this.db
      .prepare(`SELECT id FROM outbox WHERE target = 'source' AND dest = ? AND state IN ('queued','sending')`)
      .all(fromUrl) as { id: number }[];
    this.db
      .prepare(`UPDATE outbox SET dest = ?, resume = '{}', next_attempt_at = NULL, updated_at = ? WHERE target = 'source' AND dest = ? AND state IN ('queued','sending')`)
      .run(toUrl, new Date().toISOString(), fromUrl);
    return rows.map((row) => this.get(row.id));
  }

  /**
   * Puts measured loudness into an item's metadata and releases a hold. Only before its first
   * attempt: once anything went out, the receiver has the metadata it was first sent.
   * Returns the item when it changed, else null.
   */
  fillLoudness(id: number, loudness: Pick<BulletinMetadata, 'loudnessLufs' | 'loudnessRangeLu' | 'truePeakDbtp'>): OutboxItem | null {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (row.state !== 'queued' || row.attempts > 0) return null;
      const payload = JSON.parse(row.payload) as StoredPayload;
      payload.metadata = { ...payload.metadata, ...loudness };
      return this.update(id, 'payload = ?, next_attempt_at = NULL', JSON.stringify(payload));
    })();
  }

  /**
   * Items held for their loudness (queued, never tried, yet not due: a backoff wait only follows
   * an attempt), with the audio file they snapshotted; a restart measures them again.
   */
  heldForLoudness(): { item: OutboxItem; audioFile: string; sha256: string }[] {
    const rows = this.db.prepare(`SELECT * FROM outbox WHERE state = 'queued' AND attempts = 0 AND next_attempt_at IS NOT NULL`).all() as Row[];
    return rows.map((row) => {
      const payload = JSON.parse(row.payload) as StoredPayload;
      return { item: toItem(row), audioFile: payload.audioFile, sha256: payload.metadata.sha256 };
    });
  }

  /** Lets a held item go without its figures (the measurement failed). */
  releaseHold(id: number): OutboxItem | null {
    const row = this.row(id);
    if (row.state !== 'queued' || row.attempts > 0 || row.next_attempt_at === null) return null;
    return this.update(id, 'next_attempt_at = NULL');
  }

  /**
   * Delivered source-system items whose verdict is not final yet (not aired, not rejected), newest
   * first; a month after delivery the studio stops asking.
   */
  awaitingVerdict(limit = 50): OutboxItem[] {
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const rows = this.db
      .prepare(
        `SELECT * FROM outbox WHERE state = 'delivered' AND target = 'source' AND remote_id IS NOT NULL
           AND (remote_status IS NULL OR remote_status NOT IN ('aired', 'rejected')) AND delivered_at > ?
         ORDER BY delivered_at DESC LIMIT ?`,
      )
      .all(since, limit) as Row[];
    return rows.map(toItem);
  }

  setRemoteStatus(id: number, status: RemoteStatus, reason: string | null): OutboxItem {
    return this.update(id, 'remote_status = ?, remote_reason = ?', status, reason);
  }
}
