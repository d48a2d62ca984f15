/**
 * Board profiles in SQLite: the validated profile is kept whole as JSON (it is read and written
 * whole by the editor); its name and area are columns too, for uniqueness and the area link.
 */
import { StudioError } from '../../../shared/errors.ts';
import type { LedBoard } from '../../../shared/api/led.ts';
import { BoardProfile, boardSize } from '../../../shared/led/index.ts';
import type { Db } from '../storage/index.ts';

interface BoardRow {
  id: number;
  name: string;
  profile: string;
  area_id: number | null;
  created_at: string;
  updated_at: string;
}

function toBoard(row: BoardRow): LedBoard {
  // Stored profiles were validated on the way in; parsing again fills defaults added later.
  const profile = BoardProfile.parse({ ...JSON.parse(row.profile), name: row.name, areaId: row.area_id });
  return { ...profile, ...boardSize(profile), id: row.id, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The audit trail's writer (the library's AuditTrail), called inside the change's transaction. */
export interface Audit {
  record(entry: { actor: string; entity: string; entityId: number | null; action: string; changes?: unknown }): void;
}

export class BoardStore {
  constructor(
    private readonly db: Db,
    private readonly audit: Audit,
  ) {}

  list(): LedBoard[] {
    return (this.db.prepare('SELECT * FROM led_boards ORDER BY name COLLATE NOCASE').all() as BoardRow[]).map(toBoard);
  }

  get(id: number): LedBoard {
    const row = this.db.prepare('SELECT * FROM led_boards WHERE id = ?').get(id) as BoardRow | undefined;
    if (!row) throw new StudioError('not_found', `led board ${id}`, { entity: 'led_board', id });
    return toBoard(row);
  }

  create(profile: BoardProfile, actor: string): LedBoard {
    const now = new Date().toISOString();
    return this.write(() => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO led_boards (name, profile, area_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(profile.name, JSON.stringify(profile), profile.areaId, now, now);
      const id = Number(lastInsertRowid);
      this.audit.record({ actor, entity: 'led_board', entityId: id, action: 'create', changes: { name: profile.name } });
      return this.get(id);
    }, profile);
  }

  update(id: number, profile: BoardProfile, actor: string): LedBoard {
    return this.write(() => {
      const before = this.get(id);
      this.db
        .prepare('UPDATE led_boards SET name = ?, profile = ?, area_id = ?, updated_at = ? WHERE id = ?')
        .run(profile.name, JSON.stringify(profile), profile.areaId, new Date().toISOString(), id);
      const changed = Object.keys(profile).filter((key) => JSON.stringify(before[key as keyof BoardProfile]) !== JSON.stringify(profile[key as keyof BoardProfile]));
      this.audit.record({ actor, entity: 'led_board', entityId: id, action: 'update', changes: { fields: changed } });
      return this.get(id);
    }, profile);
  }

  delete(id: number, actor: string): void {
    this.db.transaction(() => {
      const { name } = this.get(id);
      this.db.prepare('DELETE FROM led_boards WHERE id = ?').run(id);
      this.audit.record({ actor, entity: 'led_board', entityId: id, action: 'delete', changes: { name } });
    })();
  }

  /** Turns the database's constraint failures into codes the editor can act on. */
  private write(work: () => LedBoard, profile: BoardProfile): LedBoard {
    if (profile.areaId !== null && !this.db.prepare('SELECT 1 FROM areas WHERE id = ?').get(profile.areaId))
      throw new StudioError('not_found', `area ${profile.areaId}`, { entity: 'area', id: profile.areaId });
    try {
      return this.db.transaction(work)();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new StudioError('conflict', `a board named "${profile.name}" exists`, { reason: 'led_board_name_taken', name: profile.name });
      throw error;
    }
  }
}
