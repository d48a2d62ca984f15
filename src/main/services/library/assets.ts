import type { LoudnessResult } from '../../../shared/api/audio.ts';
import type { Asset, AssetRole } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Db } from '../storage/index.ts';

interface AssetRow {
  id: number;
  kind: 'audio';
  role: AssetRole;
  name: string;
  file: string;
  sha256: string;
  bytes: number;
  duration_sec: number;
  sample_rate: number;
  channels: number;
  created_at: string;
  integrated_lufs: number | null;
  loudness_range_lu: number | null;
  true_peak_dbtp: number | null;
  loudness_measured_at: string | null;
}

/** A new asset; `loudness` when the code that made it already measured the audio. */
export type NewAsset = Omit<Asset, 'id' | 'kind' | 'role' | 'createdAt' | 'loudness'> & { loudness?: LoudnessResult | null; role?: AssetRole };

const toAsset = (row: AssetRow): Asset => ({
  id: row.id,
  kind: row.kind,
  role: row.role,
  name: row.name,
  file: row.file,
  sha256: row.sha256,
  bytes: row.bytes,
  durationSec: row.duration_sec,
  sampleRate: row.sample_rate,
  channels: row.channels,
  createdAt: row.created_at,
  loudness:
    row.loudness_measured_at === null
      ? null
      : { integratedLufs: row.integrated_lufs, rangeLu: row.loudness_range_lu ?? 0, truePeakDbtp: row.true_peak_dbtp, measuredAt: row.loudness_measured_at },
});

/** Audio files in the data directory, immutable once added. */
export class AssetStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Records a new asset. The same file again (files are named by their sha256: the same audio) gives
   * back the asset already there, its loudness filled in if it predates the figures: importing a
   * file twice is not an error, whichever request imports it. A voice file imported again as a
   * jingle or bed joins the music library (the user said what it is for); a music file never
   * becomes a voice by being reused.
   */
  add(asset: NewAsset, actor: string): Asset {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT * FROM assets WHERE file = ?').get(asset.file) as AssetRow | undefined;
      if (existing) {
        let found = toAsset(existing);
        if (asset.role && asset.role !== 'voice' && found.role !== asset.role) found = this.setRole(found.id, asset.role, actor);
        return !found.loudness && asset.loudness ? this.setLoudness(found.id, asset.loudness) : found;
      }
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO assets (kind, role, name, file, sha256, bytes, duration_sec, sample_rate, channels, created_at)
           VALUES ('audio', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(asset.role ?? 'voice', asset.name, asset.file, asset.sha256, asset.bytes, asset.durationSec, asset.sampleRate, asset.channels, new Date().toISOString());
      const id = Number(lastInsertRowid);
      if (asset.loudness) this.setLoudness(id, asset.loudness);
      this.audit.record({ actor, entity: 'asset', entityId: id, action: 'create', changes: { name: asset.name, sha256: asset.sha256, role: asset.role ?? 'voice' } });
      return this.get(id);
    })();
  }

  /**
   * Records the measured loudness. Derived from the immutable file, so it may be filled in later
   * (older assets are measured lazily) without touching the audio or the audit trail.
   */
  setLoudness(id: number, loudness: LoudnessResult): Asset {
    const { changes } = this.db
      .prepare('UPDATE assets SET integrated_lufs = ?, loudness_range_lu = ?, true_peak_dbtp = ?, loudness_measured_at = ? WHERE id = ?')
      .run(loudness.integrated, loudness.range, loudness.truePeak, new Date().toISOString(), id);
    if (changes === 0) throw new StudioError('not_found', `asset ${id}`);
    return this.get(id);
  }

  private setRole(id: number, role: AssetRole, actor: string): Asset {
    this.db.prepare('UPDATE assets SET role = ? WHERE id = ?').run(role, id);
    this.audit.record({ actor, entity: 'asset', entityId: id, action: 'update', changes: { role } });
    return this.get(id);
  }

  get(id: number): Asset {
    const row = this.db.prepare('SELECT * FROM assets WHERE id = ?').get(id) as AssetRow | undefined;
    if (!row) throw new StudioError('not_found', `asset ${id}`);
    return toAsset(row);
  }

  /** The asset stored at `file` (relative to the data folder), or null. */
  findByFile(file: string): Asset | null {
    const row = this.db.prepare('SELECT * FROM assets WHERE file = ?').get(file) as AssetRow | undefined;
    return row ? toAsset(row) : null;
  }

  /** Newest first; only one role's files when `role` is given. */
  list(role?: AssetRole): Asset[] {
    const rows = role ? this.db.prepare('SELECT * FROM assets WHERE role = ? ORDER BY id DESC').all(role) : this.db.prepare('SELECT * FROM assets ORDER BY id DESC').all();
    return (rows as AssetRow[]).map(toAsset);
  }
}
