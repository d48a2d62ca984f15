import { createHash } from 'node:crypto';
import { BULLETIN_DEFAULTS, type AudioOrigin, type Bulletin, type BulletinFields, type Status } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import { diff, type AuditTrail } from '../audit/index.ts';
import type { Db } from '../storage/index.ts';
import { foldForSearch } from './fold.ts';
import { toVerdict, type VerdictColumns } from './source-verdict.ts';

interface BulletinRow extends VerdictColumns {
  id: number;
  title: string;
  script: string;
  category: string;
  language: string;
  author: string;
  approver: string | null;
  approved_at: string | null;
  priority: string;
  status: string;
  schedule: string;
  repeat_count: number;
  repeat_gap_minutes: number;
  audio_asset_id: number | null;
  audio_origin: string | null;
  audio_script_sha256: string | null;
  duration_sec: number | null;
  created_at: string;
  updated_at: string;
}


/** The workflow seen in the field; "back to draft" returns a bulletin for corrections. */
const TRANSITIONS: Record<Status, Status[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: ['delivered', 'draft'],
  delivered: [],
};

/** What a bulletin's audio is checked against: the script it speaks. */
export const scriptHash = (script: string) => createHash('sha256').update(script.normalize('NFC')).digest('hex');

/** The audio no longer says the script: it was made (or confirmed) for another one. */
export const isAudioStale = (row: { audio_asset_id: number | null; audio_script_sha256: string | null; script: string }) =>
  row.audio_asset_id !== null && row.audio_script_sha256 !== null && row.audio_script_sha256 !== scriptHash(row.script);

const SELECT = `SELECT b.*, a.duration_sec FROM bulletins b LEFT JOIN assets a ON a.id = b.audio_asset_id`;

export class BulletinStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  create(fields: Partial<BulletinFields> & { title: string }, actor: string): Bulletin {
    const values: BulletinFields = { ...BULLETIN_DEFAULTS, ...definedOnly(fields), title: fields.title };
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      this.checkReferences(values);
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO bulletins (title, script, category, language, author, priority, status, schedule,
             repeat_count, repeat_gap_minutes, audio_asset_id, audio_origin, audio_script_sha256, created_at, updated_at)
           VALUES (@title, @script, @category, @language, @author, @priority, 'draft', @schedule,
             @repeatCount, @repeatGap, @audioAssetId, @origin, @scriptSha, @now, @now)`,
        )
        .run({
          ...values,
          origin: values.audioAssetId === null ? null : 'import',
          scriptSha: values.audioAssetId === null ? null : scriptHash(values.script),
          schedule: JSON.stringify(values.schedule),
          repeatCount: values.repeat.count,
          repeatGap: values.repeat.gapMinutes,
          now,
        });
      const id = Number(lastInsertRowid);
      this.writeAreas(id, values.targetAreaIds);
      this.index(id, values.title, values.script);
      this.audit.record({ actor, entity: 'bulletin', entityId: id, action: 'create', changes: { title: values.title } });
      return this.get(id);
    })();
  }

  get(id: number): Bulletin {
    const row = this.db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as BulletinRow | undefined;
    if (!row) throw new StudioError('not_found', `bulletin ${id}`);
    return this.toBulletin(row);
  }

  exists(id: number): boolean {
    return this.db.prepare('SELECT 1 FROM bulletins WHERE id = ?').get(id) !== undefined;
  }

  update(id: number, changes: Partial<BulletinFields>, actor: string): Bulletin {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (before.status === 'delivered') {
        throw new StudioError('invalid_transition', 'a delivered bulletin cannot be edited; duplicate it instead');
      }
      const after = { ...pickFields(before), ...definedOnly(changes) } as BulletinFields;
      this.checkReferences(after);
      const changed = diff(pickFields(before), after);
      if (Object.keys(changed).length === 0) return before;
      const row = this.row(id);
      // Audio given with the fields is taken as speaking the script saved with it; audio attached
      // before its script was tracked is taken as made for the script it had until now.
      const audioSha =
        'audioAssetId' in changed
          ? after.audioAssetId === null ? null : scriptHash(after.script)
          : row.audio_script_sha256 ?? (row.audio_asset_id !== null && 'script' in changed ? scriptHash(before.script) : null);
      const origin = 'audioAssetId' in changed ? (after.audioAssetId === null ? null : 'import') : row.audio_origin;
      // Changing what is said or to whom sends an approved bulletin back for approval.
      const reopens = before.status === 'approved' && ['script', 'title', 'targetAreaIds'].some((f) => f in changed);
      this.db
        .prepare(
          `UPDATE bulletins SET title=@title, script=@script, category=@category, language=@language,
             author=@author, priority=@priority, schedule=@schedule, repeat_count=@repeatCount,
             repeat_gap_minutes=@repeatGap, audio_asset_id=@audioAssetId, audio_origin=@origin,
             audio_script_sha256=@audioSha, updated_at=@now,
             status = CASE WHEN @reopens THEN 'draft' ELSE status END,
             approver = CASE WHEN @reopens THEN NULL ELSE approver END,
             approved_at = CASE WHEN @reopens THEN NULL ELSE approved_at END
           WHERE id=@id`,
        )
        .run({
          ...after,
          id,
          schedule: JSON.stringify(after.schedule),
          repeatCount: after.repeat.count,
          repeatGap: after.repeat.gapMinutes,
          now: new Date().toISOString(),
          reopens: reopens ? 1 : 0,
          origin,
          audioSha,
        });
      if ('targetAreaIds' in changed) this.writeAreas(id, after.targetAreaIds);
      if ('title' in changed || 'script' in changed) this.index(id, after.title, after.script);
      this.audit.record({ actor, entity: 'bulletin', entityId: id, action: 'update', changes: changed });
      return this.get(id);
    })();
  }

  transition(id: number, to: Status, actor: string, approver?: string): Bulletin {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (!TRANSITIONS[before.status].includes(to)) {
        throw new StudioError('invalid_transition', `${before.status} → ${to}`, { from: before.status, to });
      }
      if (to === 'approved' && !approver) {
        throw new StudioError('invalid_argument', 'approval needs the approver’s name', { reason: 'approver_missing', field: 'approver' });
      }
      if (to === 'approved' && before.audioStale) {
        throw new StudioError('conflict', 'the audio was made for an earlier script: regenerate it or confirm it still matches', {
          reason: 'audio_stale',
          bulletinId: id,
          title: before.title,
        });
      }
      const approving = to === 'approved';
      const keepsApproval = to === 'delivered';
      this.db
        .prepare(
          `UPDATE bulletins SET status = ?, approver = ?, approved_at = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          to,
          approving ? approver : keepsApproval ? before.approver : null,
          approving ? new Date().toISOString() : keepsApproval ? before.approvedAt : null,
          new Date().toISOString(),
          id,
        );
      this.audit.record({
        actor,
        entity: 'bulletin',
        entityId: id,
        action: 'transition',
        changes: { status: [before.status, to], ...(approving ? { approver } : {}) },
      });
      return this.get(id);
    })();
  }

  /**
   * Makes an asset the bulletin's audio (speech, a recording, an imported file), as speaking the
   * bulletin's current script. The one way other services attach audio to a bulletin.
   */
  setAudio(id: number, audio: { assetId: number; origin: AudioOrigin }, actor: string): Bulletin {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (before.status === 'delivered') {
        throw new StudioError('invalid_transition', 'a delivered bulletin cannot be edited; duplicate it instead', { reason: 'bulletin_delivered', title: before.title });
      }
      if (!this.db.prepare('SELECT 1 FROM assets WHERE id = ?').get(audio.assetId)) throw new StudioError('not_found', `asset ${audio.assetId}`);
      this.db
        .prepare('UPDATE bulletins SET audio_asset_id = ?, audio_origin = ?, audio_script_sha256 = ?, updated_at = ? WHERE id = ?')
        .run(audio.assetId, audio.origin, scriptHash(before.script), new Date().toISOString(), id);
      this.audit.record({
        actor,
        entity: 'bulletin',
        entityId: id,
        action: 'update',
        changes: { audioAssetId: [before.audioAssetId, audio.assetId], audioOrigin: [before.audioOrigin, audio.origin] },
      });
      return this.get(id);
    })();
  }

  /** The editor heard the audio and says it still matches the edited script. */
  confirmAudio(id: number, actor: string): Bulletin {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (before.audioAssetId === null) throw new StudioError('conflict', 'the bulletin has no audio yet', { reason: 'bulletin_without_audio', title: before.title });
      if (!before.audioStale) return before;
      this.db.prepare('UPDATE bulletins SET audio_script_sha256 = ?, updated_at = ? WHERE id = ?').run(scriptHash(before.script), new Date().toISOString(), id);
      this.audit.record({ actor, entity: 'bulletin', entityId: id, action: 'update', changes: { audioStale: [true, false] } });
      return this.get(id);
    })();
  }

  /**
   * A new draft with the bulletin's text, areas and schedule ("Nhân bản"): how a delivered
   * bulletin is corrected or sent again. Its audio stays behind: an edit document belongs to one
   * source, and a shared one would let an edit of the copy change what the original delivers.
   */
  duplicate(id: number, actor: string): Bulletin {
    return this.db.transaction(() => {
      const source = this.get(id);
      const copy = this.create({ ...pickFields(source), audioAssetId: null }, actor);
      this.audit.record({ actor, entity: 'bulletin', entityId: copy.id, action: 'update', changes: { duplicateOf: id } });
      return copy;
    })();
  }

  private row(id: number): BulletinRow {
    const row = this.db.prepare(`${SELECT} WHERE b.id = ?`).get(id) as BulletinRow | undefined;
    if (!row) throw new StudioError('not_found', `bulletin ${id}`);
    return row;
  }

  /**
   * Sets the status a bulletin read from a package arrives with (see delivery's package import),
   * past the workflow: a trusted package keeps its approval with its own approver and time.
   * Called inside the import's transaction, which records the audit entry.
   */
  acceptImported(id: number, status: Exclude<Status, 'delivered'>, approval: { approver: string | null; approvedAt: string | null }): Bulletin {
    if (status === 'approved') {
      this.db.prepare('UPDATE bulletins SET status = ?, approver = ?, approved_at = ? WHERE id = ?').run(status, approval.approver, approval.approvedAt, id);
    } else if (status !== 'draft') {
      this.db.prepare('UPDATE bulletins SET status = ?, approver = NULL, approved_at = NULL WHERE id = ?').run(status, id);
    }
    return this.get(id);
  }

  delete(id: number, actor: string): void {
    this.db.transaction(() => {
      const before = this.get(id);
      this.db.prepare('DELETE FROM bulletins WHERE id = ?').run(id);
      this.db.prepare('DELETE FROM bulletin_search WHERE rowid = ?').run(id);
      this.audit.record({ actor, entity: 'bulletin', entityId: id, action: 'delete', changes: { title: before.title } });
    })();
  }

  private index(id: number, title: string, script: string): void {
    this.db.prepare('DELETE FROM bulletin_search WHERE rowid = ?').run(id);
    this.db
      .prepare('INSERT INTO bulletin_search (rowid, title, script) VALUES (?, ?, ?)')
      .run(id, foldForSearch(title), foldForSearch(script));
  }

  private writeAreas(id: number, areaIds: number[]): void {
    this.db.prepare('DELETE FROM bulletin_areas WHERE bulletin_id = ?').run(id);
    const insert = this.db.prepare('INSERT OR IGNORE INTO bulletin_areas (bulletin_id, area_id) VALUES (?, ?)');
    for (const areaId of areaIds) insert.run(id, areaId);
  }

  private checkReferences(fields: BulletinFields): void {
    const areaExists = this.db.prepare('SELECT 1 FROM areas WHERE id = ?');
    const missing = fields.targetAreaIds.filter((areaId) => areaExists.get(areaId) === undefined);
    if (missing.length > 0) throw new StudioError('not_found', `areas ${missing.join(', ')}`, { areaIds: missing });
    if (fields.audioAssetId !== null && !this.db.prepare('SELECT 1 FROM assets WHERE id = ?').get(fields.audioAssetId)) {
      throw new StudioError('not_found', `asset ${fields.audioAssetId}`);
    }
  }

  private toBulletin(row: BulletinRow): Bulletin {
    const areaIds = this.db
      .prepare('SELECT area_id FROM bulletin_areas WHERE bulletin_id = ? ORDER BY area_id')
      .pluck()
      .all(row.id) as number[];
    return {
      id: row.id,
      title: row.title,
      script: row.script,
      category: row.category as Bulletin['category'],
      language: row.language,
      author: row.author,
      approver: row.approver,
      approvedAt: row.approved_at,
      sourceVerdict: toVerdict(row),
      priority: row.priority as Bulletin['priority'],
      status: row.status as Bulletin['status'],
      targetAreaIds: areaIds,
      schedule: JSON.parse(row.schedule),
      repeat: { count: row.repeat_count, gapMinutes: row.repeat_gap_minutes },
      audioAssetId: row.audio_asset_id,
      audioOrigin: row.audio_origin as AudioOrigin | null,
      audioStale: isAudioStale(row),
      durationSec: row.duration_sec,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

function pickFields(b: Bulletin): BulletinFields {
  const { title, script, category, language, author, priority, targetAreaIds, schedule, repeat, audioAssetId } = b;
  return { title, script, category, language, author, priority, targetAreaIds, schedule, repeat, audioAssetId };
}

/** `{ category: undefined }` means "not given", never "erase". */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
