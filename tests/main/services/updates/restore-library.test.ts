import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/main/services/storage/database.ts';
import { migrations, type Migration } from '../../../../src/main/services/storage/migrations/index.ts';
import { createUpdates, recordPendingUpdate } from '../../../../src/main/services/updates/index.ts';
import { refusalWords } from '../../../../src/shared/update-refusals.ts';
import { openStudio } from '../../../../src/main/studio.ts';
import { unwrappedCall } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

/** What the next release would bring: one migration that applies, then one that throws. */
const UPDATE_MIGRATIONS: Migration[] = [
  { version: 178, name: 'update-test-applies', sql: 'ALTER TABLE bulletins ADD COLUMN update_probe TEXT;' },
  { version: 179, name: 'update-test-throws', sql: 'CREATE TABLE update_probe (a); INSERT INTO no_such_table VALUES (1);' },
];

function withUpdateMigrations<T>(run: () => T): T {
  migrations.push(...UPDATE_MIGRATIONS);
  try {
    return run();
  } finally {
    for (const m of UPDATE_MIGRATIONS) migrations.splice(migrations.indexOf(m), 1);
  }
}

const columns = (db: Database.Database) => (db.prepare('PRAGMA table_info(bulletins)').all() as { name: string }[]).map((c) => c.name);

describe('a failed migration after an update restores the pre-update backup', () => {
  let temp: { dir: string; remove: () => void };
  let dataDir: string;
  let backupPath: string;

  beforeEach(async () => {
    temp = makeTempDir('studio-update-restore-');
    dataDir = path.join(temp.dir, 'data');
    const studio = openStudio({ dataDir, transport: 'test' });
    for (const title of ['Thông báo tiêm chủng', 'Lịch cắt điện', 'Phòng chống bão số 3']) {
      await unwrappedCall(studio, 'bulletin.create', { title, script: `${title}: nội dung.` });
    }
    fs.mkdirSync(path.join(dataDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'assets', 'nhac-hieu.wav'), 'RIFF…');
    // The backup the studio takes before installing: the library backup job on main.
    const job = await unwrappedCall(studio, 'library.backup', { destDir: path.join(temp.dir, 'backups') });
    const done = await studio.services.jobs.wait(job.id);
    backupPath = (done.result as { folder: string }).folder;
    await studio.close();
    createUpdates({ currentVersion: '0.1.0', dataDir }).recordPendingUpdate('0.2.0', backupPath);
  });
  afterEach(() => temp.remove());

  it('restores the library, keeps the failed database aside and says so', async () => {
    const started = withUpdateMigrations(() => createUpdates({ currentVersion: '0.2.0', dataDir }).openLibrary(openDatabase));
    expect(started.status).toBe('restored');
    if (started.status !== 'restored') return;
    expect(started.error).toMatchObject({
      code: 'update_migration_failed',
      message: 'updates.migration_failed',
      details: { backupPath, fromVersion: '0.1.0', toVersion: '0.2.0', cause: { message: expect.stringContaining('no such table') } },
    });

    const restored = new Database(path.join(dataDir, 'studio.sqlite'), { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(restored.prepare('SELECT title FROM bulletins ORDER BY id').pluck().all()).toEqual(['Thông báo tiêm chủng', 'Lịch cắt điện', 'Phòng chống bão số 3']);
    expect(columns(restored)).not.toContain('update_probe');
    expect(restored.prepare('SELECT count(*) FROM schema_migrations WHERE version >= 178').pluck().get()).toBe(0);
    restored.close();

    // The half-migrated database is kept, not deleted: migration 178 had applied before 179 threw.
    const failed = new Database(path.join(started.restore.failedDataPath, 'studio.sqlite'), { readonly: true });
    expect(columns(failed)).toContain('update_probe');
    failed.close();
    expect(fs.readFileSync(path.join(dataDir, 'assets', 'nhac-hieu.wav'), 'utf8')).toBe('RIFF…');

    // The previous version opens the restored library as it was.
    const studio = openStudio({ dataDir, transport: 'test' });
    expect((await unwrappedCall(studio, 'bulletin.list', {})).total).toBe(3);
    await studio.close();
  });

  it('restores again on the next start of the same broken version, and never for another version', () => {
    withUpdateMigrations(() => {
      expect(createUpdates({ currentVersion: '0.2.0', dataDir }).openLibrary(openDatabase).status).toBe('restored');
      expect(createUpdates({ currentVersion: '0.2.0', dataDir }).openLibrary(openDatabase).status).toBe('restored');
      // A fixed 0.2.1 with the same failure: the record is for 0.2.0, its backup may be stale. Rethrown.
      expect(() => createUpdates({ currentVersion: '0.2.1', dataDir }).openLibrary(openDatabase)).toThrow(/no such table/);
    });
  });

  it('opens normally and forgets the record when the new version migrates', () => {
    const started = createUpdates({ currentVersion: '0.2.0', dataDir }).openLibrary(openDatabase);
    expect(started).toMatchObject({ status: 'opened', pending: { toVersion: '0.2.0', backupPath } });
    if (started.status === 'opened') started.library.close();
    expect(createUpdates({ currentVersion: '0.2.0', dataDir }).pendingUpdate()).toBeNull();
  });

  it('refuses an unusable backup before moving anything', () => {
    fs.writeFileSync(path.join(backupPath, 'studio.sqlite'), 'not a database, truncated on the stick');
    expect(() => withUpdateMigrations(() => createUpdates({ currentVersion: '0.2.0', dataDir }).openLibrary(openDatabase))).toThrow(
      expect.objectContaining({ code: 'io_error', message: 'updates.backup_invalid' }),
    );
    // The database the migrations left stays where it is (with 178 applied), nothing moved aside.
    const inPlace = new Database(path.join(dataDir, 'studio.sqlite'), { readonly: true });
    expect(columns(inPlace)).toContain('update_probe');
    inPlace.close();
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('update-failed-'))).toBe(false);
  });

  it('the studio itself refuses to start after restoring, and says where the backup and the failed data are', () => {
    // The running version is package.json's: pretend the update that just installed was to it.
    const { version } = JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string };
    recordPendingUpdate(dataDir, { fromVersion: '0.0.9', toVersion: version, backupPath });
    let refused: unknown = null;
    try {
      withUpdateMigrations(() => openStudio({ dataDir, transport: 'test' }));
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'update_migration_failed', details: { reason: 'migration_failed', backupPath, toVersion: version } });
    const words = refusalWords((refused as { toPayload(): never }).toPayload(), 'vi');
    expect(words).toContain(`Thư viện đã được khôi phục từ bản sao lưu ${backupPath}`);
    expect(words).toContain('Hãy cài lại phiên bản 0.0.9.');
    // The library is the backup's again.
    const restored = new Database(path.join(dataDir, 'studio.sqlite'), { readonly: true });
    expect(columns(restored)).not.toContain('update_probe');
    restored.close();
  });
});
