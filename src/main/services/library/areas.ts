import type { Area, AreaKind } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Db } from '../storage/index.ts';

/**
 * Which kinds may sit under which. The district level is optional (it was abolished in 2025 but
 * regions and older data still use it), so a commune may hang from a province directly.
 */
const ALLOWED_PARENTS: Record<AreaKind, (AreaKind | null)[]> = {
  province: [null],
  district: ['province'],
  region: ['province'],
  commune: ['province', 'district', 'region'],
  cluster: ['commune'],
  board: ['commune'],
};

interface AreaRow {
  id: number;
  parent_id: number | null;
  kind: AreaKind;
  name: string;
  code: string;
}

/** Vietnamese alphabetical order (a ă â b c d đ e ê …, tones after letters): "Tỉnh Điện Biên" before "Tỉnh Yên Bái". */
const vietnamese = new Intl.Collator('vi', { numeric: true });

const toArea = (row: AreaRow): Area => ({ id: row.id, parentId: row.parent_id, kind: row.kind, name: row.name, code: row.code });

/** The administrative hierarchy as editable data: province → district/region → commune → cluster/board. */
export class AreaStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  /** The child of `parentId` matching `link`: by code where it has one, else by kind and name. */
  findChild(parentId: number | null, link: { kind: AreaKind; name: string; code: string }): Area | null {
    const byCode = link.code
      ? (this.db.prepare('SELECT * FROM areas WHERE parent_id IS ? AND kind = ? AND code = ? ORDER BY id LIMIT 1').get(parentId, link.kind, link.code) as AreaRow | undefined)
      : undefined;
    const row =
      byCode ?? (this.db.prepare('SELECT * FROM areas WHERE parent_id IS ? AND kind = ? AND name = ? ORDER BY id LIMIT 1').get(parentId, link.kind, link.name) as AreaRow | undefined);
    return row ? toArea(row) : null;
  }

  /** Every area, grouped by parent (top level first), each group in Vietnamese alphabetical order. */
  list(): Area[] {
    const rows = this.db.prepare('SELECT * FROM areas').all() as AreaRow[];
    // SQLite compares code points (Đ after Y); the collation belongs to the language, not the bytes.
    rows.sort((a, b) => (a.parent_id ?? 0) - (b.parent_id ?? 0) || vietnamese.compare(a.name, b.name) || a.id - b.id);
    return rows.map(toArea);
  }

  get(id: number): Area {
    const row = this.db.prepare('SELECT * FROM areas WHERE id = ?').get(id) as AreaRow | undefined;
    if (!row) throw new StudioError('not_found', `area ${id}`);
    return toArea(row);
  }

  create(input: { parentId: number | null; kind: AreaKind; name: string; code: string }, actor: string): Area {
    return this.db.transaction(() => {
      const parentKind = input.parentId === null ? null : this.get(input.parentId).kind;
      if (!ALLOWED_PARENTS[input.kind].includes(parentKind)) {
        throw new StudioError('invalid_argument', `a ${input.kind} cannot be placed under ${parentKind ?? 'the top level'}`, {
          kind: input.kind,
          parentKind,
        });
      }
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO areas (parent_id, kind, name, code) VALUES (?, ?, ?, ?)')
        .run(input.parentId, input.kind, input.name, input.code);
      const id = Number(lastInsertRowid);
      this.audit.record({ actor, entity: 'area', entityId: id, action: 'create', changes: input });
      return this.get(id);
    })();
  }

  update(id: number, changes: { name?: string; code?: string }, actor: string): Area {
    return this.db.transaction(() => {
      const before = this.get(id);
      const after = { name: changes.name ?? before.name, code: changes.code ?? before.code };
      this.db.prepare('UPDATE areas SET name = ?, code = ? WHERE id = ?').run(after.name, after.code, id);
      this.audit.record({ actor, entity: 'area', entityId: id, action: 'update', changes: { before, after } });
      return this.get(id);
    })();
  }

  /** Removes the area and everything under it; bulletins simply stop targeting them. */
  delete(id: number, actor: string): void {
    this.db.transaction(() => {
      const before = this.get(id);
      this.db.prepare('DELETE FROM areas WHERE id = ?').run(id);
      this.audit.record({ actor, entity: 'area', entityId: id, action: 'delete', changes: before });
    })();
  }
}
