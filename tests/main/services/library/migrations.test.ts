import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src/main/services/storage/migrations/index.ts';
import { DATABASE_FILE, openDatabase, schemaVersion } from '../../../../src/main/services/storage/database.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

describe('database migrations', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('builds the whole schema from an empty directory and records the version', () => {
    const db = openDatabase(path.join(temp.dir, 'fresh'));
    const latest = Math.max(...migrations.map((m) => m.version));
    expect(schemaVersion(db)).toBe(latest);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    for (const table of ['bulletins', 'programmes', 'programme_items', 'assets', 'areas', 'audit', 'settings', 'bulletin_search']) {
      expect(tables).toContain(table);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('has unique, increasing migration numbers', () => {
    const versions = migrations.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.every((v) => Number.isInteger(v) && v > 0)).toBe(true);
  });

  it('re-opening an up-to-date database changes nothing and keeps data', () => {
    const dir = path.join(temp.dir, 'again');
    const first = openDatabase(dir);
    first.prepare("INSERT INTO settings (key, value) VALUES ('userName', '\"Lan\"')").run();
    first.close();
    const second = openDatabase(dir);
    expect(second.prepare("SELECT value FROM settings WHERE key = 'userName'").pluck().get()).toBe('"Lan"');
    second.close();
  });

  it('upgrades a database left at an older version', () => {
    const dir = path.join(temp.dir, 'old');
    fs.mkdirSync(dir, { recursive: true });
    const [first] = [...migrations].sort((a, b) => a.version - b.version);
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    raw.exec(first!.sql);
    raw.prepare("INSERT INTO schema_migrations VALUES (?, ?, '2025-01-01')").run(first!.version, first!.name);
    raw.prepare("INSERT INTO settings (key, value) VALUES ('userName', '\"Cũ\"')").run();
    raw.close();
    const db = openDatabase(dir);
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
      migrations.map((m) => m.version).sort((a, b) => a - b),
    );
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'bulletin_search'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'userName'").pluck().get()).toBe('"Cũ"');
    db.close();
  });

  it('runs a migration numbered below ones already applied (numbers are grouped by domain)', () => {
    const dir = path.join(temp.dir, 'gap');
    const db = openDatabase(dir);
    const middle = [...migrations].sort((a, b) => a.version - b.version)[1]!;
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(middle.version);
    db.exec('DROP TABLE bulletin_search');
    db.close();
    const reopened = openDatabase(dir);
    expect(reopened.prepare('SELECT count(*) FROM schema_migrations WHERE version = ?').pluck().get(middle.version)).toBe(1);
    reopened.close();
  });
});
