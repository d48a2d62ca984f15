/**
 * One outbox runner per data directory, across processes: a row naming the process that holds
 * the lease. A holder that is gone (killed, power cut) is detected by its pid no longer running,
 * so a restarted studio takes over at once instead of waiting for a timeout.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Db } from '../storage/index.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class OutboxLease {
  /** Distinguishes two studios opened on one data dir inside the same process (tests). */
  private readonly token = crypto.randomUUID();

  constructor(private readonly db: Db) {}

  /** Takes the lease if it is free, ours, or held by a process that no longer runs. */
  tryAcquire(): boolean {
    return this.db
      .transaction(() => {
        const row = this.db.prepare('SELECT pid, host, token FROM outbox_lease WHERE id = 1').get() as
          | { pid: number; host: string; token: string }
          | undefined;
        const free = !row || row.token === this.token || (row.host === os.hostname() && !alive(row.pid));
        if (!free) return false;
        this.db
          .prepare(
            `INSERT INTO outbox_lease (id, pid, host, token, since) VALUES (1, ?, ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET pid = excluded.pid, host = excluded.host, token = excluded.token, since = excluded.since`,
          )
          .run(process.pid, os.hostname(), this.token, new Date().toISOString());
        return true;
      })
      .immediate();
  }

  release(): void {
    this.db.prepare('DELETE FROM outbox_lease WHERE id = 1 AND token = ?').run(this.token);
  }
}
