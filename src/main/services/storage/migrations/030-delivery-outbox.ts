import type { Migration } from './index.ts';

/**
 * The delivery outbox (issue 5). Each row carries a snapshot of what was approved (metadata and
 * audio path) so later edits or deletions of the bulletin cannot change or lose a queued item,
 * and the connector's resume state (remote id, tus upload URL) so a restart resumes the upload.
 */
export const deliveryOutbox: Migration = {
  version: 30,
  name: 'delivery-outbox',
  sql: /* sql */ `
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      bulletin_id INTEGER NOT NULL,
      title TEXT NOT NULL,
      target TEXT NOT NULL CHECK (target IN ('source','package')),
      dest TEXT NOT NULL,
      priority TEXT NOT NULL CHECK (priority IN ('normal','priority','emergency')),
      -- 0 emergency, 1 priority, 2 normal: the order the worker takes them in.
      priority_rank INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('queued','sending','delivered','cancelled')),
      idempotency_key TEXT NOT NULL UNIQUE,
      payload TEXT NOT NULL,
      resume TEXT NOT NULL DEFAULT '{}',
      sent_bytes INTEGER NOT NULL DEFAULT 0,
      total_bytes INTEGER NOT NULL,
      wire_bytes INTEGER NOT NULL DEFAULT 0,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      next_attempt_at INTEGER,
      remote_id TEXT,
      remote_status TEXT,
      remote_reason TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      delivered_at TEXT
    );
    CREATE INDEX outbox_due ON outbox(state, priority_rank, next_attempt_at, id);
    CREATE INDEX outbox_bulletin ON outbox(bulletin_id);

    CREATE TABLE delivery_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
