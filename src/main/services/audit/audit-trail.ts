import type { AuditEntry } from '../../../shared/api/audit.ts';
import type { Db } from '../storage/index.ts';

export interface AuditRecord {
  actor: string;
  entity: string;
  entityId: number | null;
  action: string;
  changes?: unknown;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: number | null;
  action: string;
  changes: string;
}

/** Who changed what and when. Callers write it inside the same transaction as the change. */
export class AuditTrail {
  private readonly insert;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO audit (at, actor, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  record(entry: AuditRecord): void {
    this.insert.run(
      new Date().toISOString(),
      entry.actor || 'unknown',
      entry.entity,
      entry.entityId,
      entry.action,
      JSON.stringify(entry.changes ?? {}),
    );
  }

  list(filter: { entity?: string; entityId?: number; limit: number; offset: number }): AuditEntry[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.entity) {
      where.push('entity = ?');
      params.push(filter.entity);
    }
    if (filter.entityId !== undefined) {
      where.push('entity_id = ?');
      params.push(filter.entityId);
    }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ? OFFSET ?`;
    const rows = this.db.prepare(sql).all(...params, filter.limit, filter.offset) as AuditRow[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actor: row.actor,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      changes: JSON.parse(row.changes),
    }));
  }
}

/** Only the fields whose value actually changed, as { field: [before, after] }. */
export function diff<T extends object>(before: T, after: T): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key as string] = [before[key], after[key]];
    }
  }
  return changes;
}
