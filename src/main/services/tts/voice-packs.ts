/** The installed voice packs, recorded in SQLite; files under <dataDir>/voices/<dir>. */
import fs from 'node:fs';
import path from 'node:path';
import type { Voice } from '../../../shared/api/tts.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Db } from '../storage/index.ts';
import type { PackInfo } from './pack-validate.ts';

interface PackRow {
  id: string;
  name: string;
  engine: 'piper' | 'vits';
  dir: string;
  model_file: string;
  config_file: string;
  languages: string;
  sample_rate: number;
  speakers: string;
  licence: string;
  sha256: string;
  size_bytes: number;
  warnings: string;
  installed_at: string;
}

export interface InstalledPack extends PackInfo {
  id: string;
  /** Relative to the data directory. */
  dir: string;
  installedAt: string;
}

const toPack = (row: PackRow): InstalledPack => ({
  id: row.id,
  name: row.name,
  engine: row.engine,
  dir: row.dir,
  modelFile: row.model_file,
  configFile: row.config_file,
  languages: JSON.parse(row.languages) as string[],
  sampleRate: row.sample_rate,
  speakers: JSON.parse(row.speakers) as PackInfo['speakers'],
  licence: row.licence,
  sha256: row.sha256,
  sizeBytes: row.size_bytes,
  warnings: JSON.parse(row.warnings) as string[],
  installedAt: row.installed_at,
});

export const packVoice = (pack: InstalledPack): Voice => ({
  id: pack.id,
  name: pack.name,
  engine: pack.engine,
  languages: pack.languages,
  sampleRate: pack.sampleRate,
  speakers: pack.speakers,
  licence: pack.licence,
  source: 'pack',
  sizeBytes: pack.sizeBytes,
  sha256: pack.sha256,
  installedAt: pack.installedAt,
  warnings: pack.warnings,
});

export class VoicePackStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
    private readonly dataDir: string,
  ) {}

  get voicesDir(): string {
    return path.join(this.dataDir, 'voices');
  }

  list(): InstalledPack[] {
    return (this.db.prepare('SELECT * FROM voice_packs ORDER BY name').all() as PackRow[]).map(toPack);
  }

  find(id: string): InstalledPack | null {
    const row = this.db.prepare('SELECT * FROM voice_packs WHERE id = ?').get(id) as PackRow | undefined;
    return row ? toPack(row) : null;
  }

  findBySha(sha256: string): InstalledPack | null {
    const row = this.db.prepare('SELECT * FROM voice_packs WHERE sha256 = ?').get(sha256) as PackRow | undefined;
    return row ? toPack(row) : null;
  }

  add(pack: Omit<InstalledPack, 'installedAt'>, actor: string): InstalledPack {
    this.db
      .prepare(
        `INSERT INTO voice_packs (id, name, engine, dir, model_file, config_file, languages, sample_rate, speakers,
           licence, sha256, size_bytes, warnings, installed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        pack.id, pack.name, pack.engine, pack.dir, pack.modelFile, pack.configFile, JSON.stringify(pack.languages),
        pack.sampleRate, JSON.stringify(pack.speakers), pack.licence, pack.sha256, pack.sizeBytes,
        JSON.stringify(pack.warnings), new Date().toISOString(),
      );
    this.audit.record({ actor, entity: 'voice', entityId: null, action: 'create', changes: { id: pack.id, sha256: pack.sha256, licence: pack.licence } });
    return this.find(pack.id)!;
  }

  /** Removes a pack folder (relative to the data dir) that was never recorded. */
  removeFiles(dir: string): void {
    fs.rmSync(path.join(this.dataDir, dir), { recursive: true, force: true });
  }

  /** Removes the record and the pack's files. */
  remove(id: string, actor: string): void {
    const pack = this.find(id);
    if (!pack) throw new StudioError('not_found', `no voice pack ${id}`, { reason: 'voice_pack_unknown', id });
    this.db.prepare('DELETE FROM voice_packs WHERE id = ?').run(id);
    fs.rmSync(path.join(this.dataDir, pack.dir), { recursive: true, force: true });
    this.audit.record({ actor, entity: 'voice', entityId: null, action: 'delete', changes: { id } });
  }
}
