import type { Migration } from './index.ts';

/**
 * Programmes go through the outbox too (issue 11 item 3): an item carries a bulletin or a
 * programme, exactly one. SQLite cannot relax a NOT NULL in place, so the table is rebuilt with
 * its rows, ids and indexes kept.
 */
const COLUMNS = `id, bulletin_id, title, target, dest, priority, priority_rank, state, idempotency_key, payload, resume,
  sent_bytes, total_bytes, wire_bytes, attempts, last_error, next_attempt_at, remote_id, remote_status, remote_reason,
  created_at, updated_at, delivered_at`;

export const outboxProgrammes: Migration = {
  version: 32,
  name: 'outbox-programmes',
  sql: /* sql */ `
    CREATE TABLE outbox_next (
      id INTEGER PRIMARY KEY,
      bulletin_id INTEGER,
      programme_id INTEGER,
      title TEXT NOT NULL,
      target TEXT NOT NULL CHECK (target IN ('source','package')),
      dest TEXT NOT NULL,
      priority TEXT NOT NULL CHECK (priority IN ('normal','priority','emergency')),
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
      delivered_at TEXT,
      CHECK ((bulletin_id IS NULL) <> (programme_id IS NULL))
    );
    INSERT INTO outbox_next (${COLUMNS}) SELECT ${COLUMNS} FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_next RENAME TO outbox;
    CREATE INDEX outbox_due ON outbox(state, priority_rank, next_attempt_at, id);
    CREATE INDEX outbox_bulletin ON outbox(bulletin_id);
    CREATE INDEX outbox_programme ON outbox(programme_id);
  `,
};
