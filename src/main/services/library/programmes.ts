import { MAX_PROGRAMME_ITEMS, type ItemKind, type Programme, type ProgrammeItem, type ProgrammeMixSettings, type ProgrammeSummary, type Status } from '../../../shared/api/library-types.ts';
import { planProgramme, planSeconds, PROGRAMME_RATE } from '../../../shared/audio/programme-plan.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { Db } from '../storage/index.ts';
import type { AuditTrail } from '../audit/index.ts';
import { estimateSpeechSeconds } from './reading-time.ts';

interface ItemRow {
  id: number;
  position: number;
  kind: ItemKind;
  bulletin_id: number | null;
  asset_id: number | null;
  bulletin_title: string | null;
  script: string | null;
  bulletin_audio_sec: number | null;
  asset_name: string | null;
  asset_sec: number | null;
  bulletin_status: Status | null;
}

interface ProgrammeRow {
  id: number;
  title: string;
  notes: string;
  created_at: string;
  updated_at: string;
  preset_lufs: number;
  gap_sec: number;
  crossfade_sec: number;
  duck_db: number;
  normalize_items: number;
}

const mixOf = (row: ProgrammeRow): ProgrammeMixSettings => ({
  presetLufs: row.preset_lufs === -16 ? -16 : -23,
  gapSec: row.gap_sec,
  crossfadeSec: row.crossfade_sec,
  duckDb: row.duck_db,
  normalizeItems: row.normalize_items === 1,
});

/** Item lengths at the plan's rate: where items start and the programme's total (the shared plan). */
export function withPlan<T extends Pick<ProgrammeItem, 'kind' | 'durationSec'>>(items: T[], mix: ProgrammeMixSettings, frames = (item: T) => Math.round(item.durationSec * PROGRAMME_RATE)) {
  const plan = planProgramme(items.map((item) => ({ kind: item.kind, frames: frames(item) })), { sampleRate: PROGRAMME_RATE, ...mix });
  return {
    items: items.map((item, i) => ({ ...item, startSec: Math.round((plan.placed[i]!.start / PROGRAMME_RATE) * 1000) / 1000 })),
    totalSec: planSeconds(plan),
  };
}

export interface NewItem {
  kind: ItemKind;
  bulletinId?: number;
  assetId?: number;
  position?: number;
}

/** Programmes: ordered items with their lengths, checked against the session cap. */
export class ProgrammeStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
    private readonly capMinutes: () => number,
  ) {}

  create(title: string, notes: string, actor: string, presetLufs: ProgrammeMixSettings['presetLufs'] = -23): Programme {
    return this.db.transaction(() => {
      const now = new Date().toISOString();
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO programmes (title, notes, preset_lufs, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(title, notes, presetLufs, now, now);
      const id = Number(lastInsertRowid);
      this.audit.record({ actor, entity: 'programme', entityId: id, action: 'create', changes: { title, presetLufs } });
      return this.get(id);
    })();
  }

  get(id: number): Programme {
    const row = this.db.prepare('SELECT * FROM programmes WHERE id = ?').get(id) as ProgrammeRow | undefined;
    if (!row) throw new StudioError('not_found', `programme ${id}`);
    const mix = mixOf(row);
    // The shared plan over the items' lengths (beds under speech, gaps, crossfades); the audio
    // service plans again with the exact lengths of edited audio (it owns the edits).
    const { items, totalSec } = withPlan(this.items(id), mix);
    const capMinutes = this.capMinutes();
    return {
      id: row.id,
      title: row.title,
      notes: row.notes,
      items,
      totalSec,
      capMinutes,
      exceedsCap: totalSec > capMinutes * 60,
      mix,
      rendered: null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  list(): ProgrammeSummary[] {
    const ids = this.db.prepare('SELECT id FROM programmes ORDER BY updated_at DESC, id DESC').pluck().all() as number[];
    return ids.map((id) => {
      const p = this.get(id);
      return { id, title: p.title, totalSec: p.totalSec, exceedsCap: p.exceedsCap, updatedAt: p.updatedAt, itemCount: p.items.length };
    });
  }

  update(id: number, changes: { title?: string; notes?: string; mix?: Partial<ProgrammeMixSettings> }, actor: string): Programme {
    return this.db.transaction(() => {
      const before = this.get(id);
      const title = changes.title ?? before.title;
      const notes = changes.notes ?? before.notes;
      const mix = { ...before.mix, ...changes.mix };
      this.db
        .prepare('UPDATE programmes SET title = ?, notes = ?, preset_lufs = ?, gap_sec = ?, crossfade_sec = ?, duck_db = ?, normalize_items = ? WHERE id = ?')
        .run(title, notes, mix.presetLufs, mix.gapSec, mix.crossfadeSec, mix.duckDb, mix.normalizeItems ? 1 : 0, id);
      this.touch(id);
      this.audit.record({ actor, entity: 'programme', entityId: id, action: 'update', changes: { title, notes, ...(changes.mix ? { mix } : {}) } });
      return this.get(id);
    })();
  }

  delete(id: number, actor: string): void {
    this.db.transaction(() => {
      const before = this.get(id);
      this.db.prepare('DELETE FROM programmes WHERE id = ?').run(id);
      this.audit.record({ actor, entity: 'programme', entityId: id, action: 'delete', changes: { title: before.title } });
    })();
  }

  addItem(programmeId: number, item: NewItem, actor: string): Programme {
    return this.db.transaction(() => {
      const current = this.get(programmeId);
      if (current.items.length >= MAX_PROGRAMME_ITEMS) {
        throw new StudioError('too_large', `a programme holds at most ${MAX_PROGRAMME_ITEMS} items`, { max: MAX_PROGRAMME_ITEMS });
      }
      this.checkItem(item);
      const position = Math.min(item.position ?? current.items.length, current.items.length);
      this.db
        .prepare('UPDATE programme_items SET position = position + 1 WHERE programme_id = ? AND position >= ?')
        .run(programmeId, position);
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO programme_items (programme_id, position, kind, bulletin_id, asset_id) VALUES (?, ?, ?, ?, ?)')
        .run(programmeId, position, item.kind, item.bulletinId ?? null, item.assetId ?? null);
      this.touch(programmeId);
      this.audit.record({
        actor,
        entity: 'programme',
        entityId: programmeId,
        action: 'add_item',
        changes: { itemId: Number(lastInsertRowid), ...item, position },
      });
      return this.get(programmeId);
    })();
  }

  removeItem(programmeId: number, itemId: number, actor: string): Programme {
    return this.db.transaction(() => {
      const current = this.get(programmeId);
      if (!current.items.some((i) => i.id === itemId)) throw new StudioError('not_found', `item ${itemId}`);
      this.db.prepare('DELETE FROM programme_items WHERE id = ?').run(itemId);
      this.renumber(current.items.map((i) => i.id).filter((id) => id !== itemId));
      this.touch(programmeId);
      this.audit.record({ actor, entity: 'programme', entityId: programmeId, action: 'remove_item', changes: { itemId } });
      return this.get(programmeId);
    })();
  }

  reorder(programmeId: number, itemIds: number[], actor: string): Programme {
    return this.db.transaction(() => {
      const current = this.get(programmeId);
      const before = current.items.map((i) => i.id);
      const same = before.length === itemIds.length && [...before].sort().join() === [...itemIds].sort().join();
      if (!same) {
        throw new StudioError('conflict', 'the new order must list every item of the programme exactly once', {
          expected: before,
        });
      }
      this.renumber(itemIds);
      this.touch(programmeId);
      this.audit.record({ actor, entity: 'programme', entityId: programmeId, action: 'reorder', changes: { order: [before, itemIds] } });
      return this.get(programmeId);
    })();
  }

  /** What a render of the programme depends on: its items, their order, their audio assets and its mix settings. */
  renderSignature(programmeId: number): string {
    const mix = this.get(programmeId).mix;
    const rows = this.db
      .prepare(
        `SELECT i.id, i.kind, COALESCE(b.audio_asset_id, i.asset_id) AS asset
           FROM programme_items i LEFT JOIN bulletins b ON b.id = i.bulletin_id
          WHERE i.programme_id = ? ORDER BY i.position`,
      )
      .all(programmeId) as { id: number; kind: string; asset: number | null }[];
    const settings = `${mix.presetLufs}/${mix.gapSec}/${mix.crossfadeSec}/${mix.duckDb}/${mix.normalizeItems ? 1 : 0}`;
    return `${settings}|${rows.map((r) => `${r.id}:${r.kind}:${r.asset}`).join(',')}`;
  }

  private items(programmeId: number): Omit<ProgrammeItem, 'startSec'>[] {
    const rows = this.db
      .prepare(
        `SELECT i.id, i.position, i.kind, i.bulletin_id, i.asset_id,
                b.title AS bulletin_title, b.script, b.status AS bulletin_status, ba.duration_sec AS bulletin_audio_sec,
                a.name AS asset_name, a.duration_sec AS asset_sec
           FROM programme_items i
           LEFT JOIN bulletins b ON b.id = i.bulletin_id
           LEFT JOIN assets ba ON ba.id = b.audio_asset_id
           LEFT JOIN assets a ON a.id = i.asset_id
          WHERE i.programme_id = ? ORDER BY i.position`,
      )
      .all(programmeId) as ItemRow[];
    return rows.map((row) => {
      const audioSec = row.bulletin_id !== null ? row.bulletin_audio_sec : row.asset_sec;
      const estimated = audioSec === null;
      return {
        id: row.id,
        position: row.position,
        kind: row.kind,
        bulletinId: row.bulletin_id,
        assetId: row.asset_id,
        label: row.bulletin_title ?? row.asset_name ?? '',
        durationSec: estimated ? estimateSpeechSeconds(row.script ?? '') : audioSec,
        durationEstimated: estimated,
        bulletinStatus: row.bulletin_status,
      };
    });
  }

  private checkItem(item: NewItem): void {
    if (item.kind === 'bulletin') {
      if (item.bulletinId === undefined || item.assetId !== undefined) {
        throw new StudioError('invalid_argument', 'a bulletin item names a bulletinId and no assetId');
      }
      if (!this.db.prepare('SELECT 1 FROM bulletins WHERE id = ?').get(item.bulletinId)) {
        throw new StudioError('not_found', `bulletin ${item.bulletinId}`);
      }
    } else {
      if (item.assetId === undefined || item.bulletinId !== undefined) {
        throw new StudioError('invalid_argument', 'a jingle or music bed names an assetId and no bulletinId');
      }
      if (!this.db.prepare('SELECT 1 FROM assets WHERE id = ?').get(item.assetId)) {
        throw new StudioError('not_found', `asset ${item.assetId}`);
      }
    }
  }

  private renumber(itemIds: number[]): void {
    const setPosition = this.db.prepare('UPDATE programme_items SET position = ? WHERE id = ?');
    itemIds.forEach((id, position) => setPosition.run(position, id));
  }

  private touch(id: number): void {
    this.db.prepare('UPDATE programmes SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  }
}
