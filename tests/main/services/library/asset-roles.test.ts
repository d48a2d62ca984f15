/**
 * The music library kept apart from bulletins' voice files (issue 11, item 1): migration 8 gives
 * existing assets the role their use shows, and an import names the role.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../../src/main/services/storage/database.ts';
import { migrations } from '../../../../src/main/services/storage/migrations/index.ts';
import { openStudio } from '../../../../src/main/studio.ts';
import { unwrappedCall } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { speechWav } from '../audio/fixtures.ts';

const temp = makeTempDir('studio-asset-roles-');
afterAll(() => temp.remove());

describe('asset roles', () => {
  it('migration 8: jingles and beds already in programmes join the music library; bulletin audio and the rest are voices', () => {
    const dir = path.join(temp.dir, 'old');
    fs.mkdirSync(dir, { recursive: true });
    const raw = new Database(path.join(dir, DATABASE_FILE));
    const first = migrations.find((m) => m.version === 1)!;
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    raw.exec(first.sql);
    raw.prepare("INSERT INTO schema_migrations VALUES (1, ?, '2025-01-01')").run(first.name);
    const asset = raw.prepare("INSERT INTO assets (name, file, sha256, bytes, duration_sec, sample_rate, channels, created_at) VALUES (?, ?, 'x', 1, 1, 48000, 1, '2025-01-01')");
    for (const name of ['voice', 'jingle', 'bed', 'both', 'unused']) asset.run(name, `assets/${name}.wav`);
    const id = (name: string) => raw.prepare('SELECT id FROM assets WHERE name = ?').pluck().get(name) as number;
    const bulletin = raw.prepare("INSERT INTO bulletins (title, category, language, priority, status, schedule, audio_asset_id, created_at, updated_at) VALUES ('Tin', 'other', 'vi', 'normal', 'draft', '{}', ?, '2025-01-01', '2025-01-01')");
    bulletin.run(id('voice'));
    bulletin.run(id('both'));
    raw.prepare("INSERT INTO programmes (title, created_at, updated_at) VALUES ('Sáng', '2025-01-01', '2025-01-01')").run();
    const item = raw.prepare('INSERT INTO programme_items (programme_id, position, kind, asset_id) VALUES (1, ?, ?, ?)');
    item.run(0, 'jingle', id('jingle'));
    item.run(1, 'music_bed', id('bed'));
    item.run(2, 'jingle', id('both'));
    raw.close();

    const db = openDatabase(dir);
    const roles = Object.fromEntries((db.prepare('SELECT name, role FROM assets').all() as { name: string; role: string }[]).map((r) => [r.name, r.role]));
    expect(roles).toEqual({ voice: 'voice', jingle: 'jingle', bed: 'bed', both: 'voice', unused: 'voice' });
    expect(() => db.prepare("UPDATE assets SET role = 'song' WHERE name = 'unused'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('an import names the role; the same file imported again as a jingle joins the music library', async () => {
    const dataDir = path.join(temp.dir, 'studio');
    const studio = openStudio({ dataDir, transport: 'test' });
    try {
      const importAs = async (file: string, role?: 'voice' | 'jingle' | 'bed') => studio.services.jobs.result(await unwrappedCall(studio, 'audio.import', { path: file, role }));
      const voice = await importAs(speechWav(temp.dir, 'giong.wav', 1));
      expect(voice.role).toBe('voice');
      const bed = await importAs(speechWav(temp.dir, 'nen.wav', 2), 'bed');
      expect(bed.role).toBe('bed');
      const again = await importAs(path.join(temp.dir, 'giong.wav'), 'jingle');
      expect(again).toMatchObject({ id: voice.id, role: 'jingle' });
      // A music file never turns back into a voice by being imported for a bulletin.
      expect((await importAs(path.join(temp.dir, 'nen.wav'), 'voice')).role).toBe('bed');
      expect((await unwrappedCall(studio, 'asset.list', { role: 'jingle' })).map((a) => a.id)).toEqual([voice.id]);
      expect((await unwrappedCall(studio, 'asset.list', { role: 'voice' }))).toEqual([]);
      expect(await unwrappedCall(studio, 'asset.list', {})).toHaveLength(2);
    } finally {
      await studio.close();
    }
  });
});
