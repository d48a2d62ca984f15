import type { Db } from './database.ts';

/**
 * Runs a write with synchronous=NORMAL instead of the connection's FULL: for counters written
 * several times a second (an upload's sent bytes), whose WAL commit then survives a killed
 * process without an fsync each, which would stall the upload on a busy disk. After a power cut
 * such a counter may be a little behind, which nothing depends on. On the one connection, not a
 * second one: better-sqlite3 runs statements one at a time, so nothing else runs relaxed.
 */
export function writeRelaxed<T>(db: Db, write: () => T): T {
  if (db.inTransaction) return write();
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
