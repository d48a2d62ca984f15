import type { RemoteStatus } from '../../../shared/api/delivery.ts';
import type { SourceVerdict } from '../../../shared/api/library-types.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Db } from '../storage/index.ts';

/** The bulletins columns holding the verdict (migration 006). */
export interface VerdictColumns {
  source_status: string | null;
  source_reason: string | null;
  source_checked_at: string | null;
}

export const toVerdict = (row: VerdictColumns): SourceVerdict | null =>
  row.source_status === null ? null : { status: row.source_status as RemoteStatus, reason: row.source_reason, checkedAt: row.source_checked_at ?? '' };

/**
 * Records what the source system says of a delivered bulletin. Returns true when that changed
 * (the audit trail keeps each change; an unchanged answer to a poll is not news).
 */
export function recordSourceVerdict(db: Db, audit: AuditTrail, id: number, status: RemoteStatus, reason: string | null): boolean {
  return db.transaction(() => {
    const before = db.prepare('SELECT source_status, source_reason, source_checked_at FROM bulletins WHERE id = ?').get(id) as VerdictColumns | undefined;
    if (!before) return false;
    const now = new Date().toISOString();
    const changed = before.source_status !== status || before.source_reason !== reason;
    db.prepare('UPDATE bulletins SET source_status = ?, source_reason = ?, source_checked_at = ? WHERE id = ?').run(status, reason, now, id);
    if (changed) audit.record({ actor: 'source-system', entity: 'bulletin', entityId: id, action: 'source_verdict', changes: { status, reason } });
    return changed;
  })();
}
