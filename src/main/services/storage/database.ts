import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { StudioError, systemErrorToStudioError } from '../../../shared/errors.ts';
import { migrations } from './migrations/index.ts';

export type Db = Database.Database;

export const DATABASE_FILE = 'studio.sqlite';

/**
 * Opens (creating if needed) the studio database in `dataDir` and brings its schema up to date.
 * synchronous=FULL: commune PCs lose power often, and an acknowledged save must survive that.
 */
export function openDatabase(dataDir: string, options: { readonly?: boolean } = {}): Db {
  let db: Db | null = null;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: options.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    }
    return db;
  } catch (error) {
    db?.close();
    throw startupError(error, dataDir);
  }
}

/**
 * What start-up says when the data folder cannot be used: a typed error naming the folder (the
 * host and the CLI print it in words), not SQLite's stack. A folder the studio may not write
 * (read-only media, a permissions mistake) fails SQLite with CANTOPEN or READONLY, which alone
 * would read as "damaged"; it is checked for first.
 */
function startupError(error: unknown, dataDir: string): StudioError {
  const typed = systemErrorToStudioError(error);
  const raw = (error as { code?: unknown })?.code;
  const notWritable = typeof raw === 'string' && /^(SQLITE_CANTOPEN|SQLITE_READONLY|EACCES|EPERM|EROFS)/.test(raw);
  if (notWritable && !isWritable(dataDir)) return new StudioError('read_only', dataDir, { dataDir, cause: raw });
  if (typed) return new StudioError(typed.code, `${dataDir}: ${typed.message}`, { dataDir, cause: raw });
  return new StudioError('io_error', `${dataDir}: ${error instanceof Error ? error.message : String(error)}`, { dataDir });
}

function isWritable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    const probe = path.join(dir, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every migration not yet applied, in number order, each in its own transaction. Applied
 * migrations are recorded one by one (not as a single high-water mark) because numbers are
 * grouped by domain: a new audio migration (10–19) must still run on a database that already has
 * delivery's 30s.
 */
export function migrate(db: Db): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${Math.max(schemaVersion(db), migration.version)}`);
    })();
  }
  return schemaVersion(db);
}
