/**
 * Board notices in SQLite: the programme as JSON, the bulletin it came from, its priority and
 * rotation rank (derived from the priority, so an emergency always plays first), its target
 * areas and the board it was designed for.
 */
import type { Priority } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { LedNotice } from '../../../shared/api/led.ts';
import { Programme } from '../../../shared/led/index.ts';
import type { Db } from '../storage/index.ts';
import type { Audit } from './board-store.ts';

interface NoticeRow {
  id: number;
  title: string;
  programme: string;
  bulletin_id: number | null;
  priority: Priority;
  rotation_rank: number;
  area_ids: string;
  board_id: number | null;
  created_at: string;
  updated_at: string;
}

export type NoticeFields = Omit<LedNotice, 'id' | 'rotationRank' | 'createdAt' | 'updatedAt'>;

export const ROTATION_RANK: Record<Priority, number> = { emergency: 0, priority: 1, normal: 2 };

const toNotice = (row: NoticeRow): LedNotice => ({
  id: row.id,
  title: row.title,
  programme: Programme.parse(JSON.parse(row.programme)),
  bulletinId: row.bulletin_id,
  priority: row.priority,
  rotationRank: row.rotation_rank,
  areaIds: JSON.parse(row.area_ids) as number[],
  boardId: row.board_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class NoticeStore {
  constructor(
    private readonly db: Db,
    private readonly audit: Audit,
  ) {}

  list(filter: { boardId?: number; bulletinId?: number } = {}): LedNotice[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM led_notices
         WHERE (@boardId IS NULL OR board_id = @boardId) AND (@bulletinId IS NULL OR bulletin_id = @bulletinId)
         ORDER BY rotation_rank, updated_at DESC, id DESC`,
      )
      .all({ boardId: filter.boardId ?? null, bulletinId: filter.bulletinId ?? null }) as NoticeRow[];
    return rows.map(toNotice);
  }

  get(id: number): LedNotice {
    const row = this.db.prepare('SELECT * FROM led_notices WHERE id = ?').get(id) as NoticeRow | undefined;
    if (!row) throw new StudioError('not_found', `led notice ${id}`, { entity: 'led_notice', id });
    return toNotice(row);
  }

  create(fields: NoticeFields, actor: string): LedNotice {
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      this.checkReferences(fields);
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO led_notices (title, programme, bulletin_id, priority, rotation_rank, area_ids, board_id, created_at, updated_at)
           VALUES (@title, @programme, @bulletinId, @priority, @rank, @areaIds, @boardId, @now, @now)`,
        )
        .run(this.columns(fields, now));
      const id = Number(lastInsertRowid);
      this.audit.record({ actor, entity: 'led_notice', entityId: id, action: 'create', changes: { title: fields.title, bulletinId: fields.bulletinId } });
      return this.get(id);
    })();
  }

  update(id: number, changes: Partial<NoticeFields>, actor: string): LedNotice {
    return this.db.transaction(() => {
      const { id: _id, rotationRank: _rank, createdAt: _created, updatedAt: _updated, ...before } = this.get(id);
      const fields: NoticeFields = { ...before, ...definedOnly(changes) };
      this.checkReferences(fields);
      this.db
        .prepare(
          `UPDATE led_notices SET title = @title, programme = @programme, bulletin_id = @bulletinId, priority = @priority,
             rotation_rank = @rank, area_ids = @areaIds, board_id = @boardId, updated_at = @now WHERE id = @id`,
        )
        .run({ ...this.columns(fields, new Date().toISOString()), id });
      this.audit.record({ actor, entity: 'led_notice', entityId: id, action: 'update', changes: { fields: Object.keys(definedOnly(changes)) } });
      return this.get(id);
    })();
  }

  delete(id: number, actor: string): void {
    this.db.transaction(() => {
      const { title } = this.get(id);
      this.db.prepare('DELETE FROM led_notices WHERE id = ?').run(id);
      this.audit.record({ actor, entity: 'led_notice', entityId: id, action: 'delete', changes: { title } });
    })();
  }

  private columns(fields: NoticeFields, now: string) {
    return {
      title: fields.title,
      programme: JSON.stringify(fields.programme),
      bulletinId: fields.bulletinId,
      priority: fields.priority,
      rank: ROTATION_RANK[fields.priority],
      areaIds: JSON.stringify([...new Set(fields.areaIds)]),
      boardId: fields.boardId,
      now,
    };
  }

  /** A notice names only things that exist: its bulletin, board and areas. */
  private checkReferences(fields: NoticeFields): void {
    const exists = (table: string, id: number) => this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
    if (fields.bulletinId !== null && !exists('bulletins', fields.bulletinId))
      throw new StudioError('not_found', `bulletin ${fields.bulletinId}`, { entity: 'bulletin', id: fields.bulletinId });
    if (fields.boardId !== null && !exists('led_boards', fields.boardId))
      throw new StudioError('not_found', `led board ${fields.boardId}`, { entity: 'led_board', id: fields.boardId });
    const missing = fields.areaIds.find((id) => !exists('areas', id));
    if (missing !== undefined) throw new StudioError('not_found', `area ${missing}`, { entity: 'area', id: missing });
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
