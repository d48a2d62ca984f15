import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { StudioError, type ErrorPayload } from '../../../shared/errors.ts';
import { updateError } from './update-error.ts';

/** The library backup's layout on main (library/backup.worker.ts): `studio.sqlite` + `assets/`. */
const DATABASE_FILE = 'studio.sqlite';
/** The database with its WAL companions: a stale -wal beside a restored file would corrupt it. */
const DATABASE_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`];
/** Written before an update installs, read on the next start (temp + rename, like every file we write). */
export const PENDING_UPDATE_FILE = 'update-pending.json';

export interface PendingUpdate {
  fromVersion: string;
  toVersion: string;
  /** The library backup taken just before installing (the folder the backup job returned). */
  backupPath: string;
}

export function recordPendingUpdate(dataDir: string, pending: PendingUpdate): void {
  const file = path.join(dataDir, PENDING_UPDATE_FILE);
  fs.writeFileSync(`${file}.part`, JSON.stringify(pending, null, 2));
  fs.renameSync(`${file}.part`, file);
}

export function readPendingUpdate(dataDir: string): PendingUpdate | null {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dataDir, PENDING_UPDATE_FILE), 'utf8')) as PendingUpdate;
    return typeof value.backupPath === 'string' ? value : null;
  } catch {
    return null;
  }
}

export interface RestoreResult {
  backupPath: string;
  /** Where the database the failed migration left behind was moved (kept, never deleted). */
  failedDataPath: string;
  /** Asset files copied back from the backup because they were missing from the data folder. */
  assetsCopied: number;
}

/**
 * Puts the library of `backupPath` back into `dataDir` after the new version's migrations failed.
 * The database the failed migrations touched (with its -wal/-shm) is moved aside, not deleted; the
 * backup's database is copied in under a temporary name and renamed. Assets are immutable and a
 * failed start never writes one, so the data folder's own assets stay; only files missing from
 * it are copied back. The database must be closed (storage closes it when a migration throws).
 */
export function restoreLibraryBackup(dataDir: string, backupPath: string): RestoreResult {
  checkBackup(backupPath);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const failedDataPath = path.join(dataDir, `update-failed-${stamp}`);
  fs.mkdirSync(failedDataPath, { recursive: true });
  for (const name of DATABASE_FILES) {
    if (fs.existsSync(path.join(dataDir, name))) fs.renameSync(path.join(dataDir, name), path.join(failedDataPath, name));
  }
  const temp = path.join(dataDir, `${DATABASE_FILE}.restore.part`);
  fs.copyFileSync(path.join(backupPath, DATABASE_FILE), temp);
  fs.renameSync(temp, path.join(dataDir, DATABASE_FILE));

  let assetsCopied = 0;
  const backupAssets = path.join(backupPath, 'assets');
  if (fs.existsSync(backupAssets)) {
    fs.mkdirSync(path.join(dataDir, 'assets'), { recursive: true });
    for (const name of fs.readdirSync(backupAssets)) {
      const target = path.join(dataDir, 'assets', name);
      if (fs.existsSync(target)) continue;
      fs.copyFileSync(path.join(backupAssets, name), `${target}.part`);
      fs.renameSync(`${target}.part`, target);
      assetsCopied++;
    }
  }
  return { backupPath, failedDataPath, assetsCopied };
}

/** A backup must hold a sound SQLite database before anything is moved. */
function checkBackup(backupPath: string): void {
  const file = path.join(backupPath, DATABASE_FILE);
  if (!fs.existsSync(file)) throw updateError('update_missing_file', 'backup_invalid', { backupPath, file: DATABASE_FILE });
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (error) {
    throw updateError('io_error', 'backup_invalid', { backupPath, cause: (error as Error).message });
  } finally {
    db?.close();
  }
}

export type StartAfterUpdate<T> =
  | { status: 'opened'; library: T; pending: PendingUpdate | null }
  | { status: 'restored'; restore: RestoreResult; pending: PendingUpdate; error: ErrorPayload };

/**
 * Opens the library on start-up; when the update to this very version was just installed and its
 * migrations fail, the pre-update backup is restored and the outcome says so (code
 * `update_migration_failed`, the migration's own error in its details) so the screen can tell
 * the user and a technician can reinstall the previous version. The record stays after a
 * restore: this version cannot open the library, so each of its starts restores the same backup
 * again rather than leave a half-migrated database; nothing is written in between. A record for
 * another version (the previous one reinstalled, a fixed release) is never acted on: that backup
 * may be older than the work done since. Without a matching record a failure is rethrown.
 */
export function openLibraryAfterUpdate<T>(dataDir: string, currentVersion: string, open: (dataDir: string) => T): StartAfterUpdate<T> {
  const recorded = readPendingUpdate(dataDir);
  const pending = recorded?.toVersion === currentVersion ? recorded : null;
  try {
    const library = open(dataDir);
    if (pending) fs.rmSync(path.join(dataDir, PENDING_UPDATE_FILE), { force: true });
    return { status: 'opened', library, pending };
  } catch (error) {
    if (!pending) throw error;
    const restore = restoreLibraryBackup(dataDir, pending.backupPath);
    const cause = error instanceof StudioError ? error.toPayload() : { message: (error as Error).message };
    return {
      status: 'restored',
      restore,
      pending,
      error: updateError('update_migration_failed', 'migration_failed', { ...restore, fromVersion: pending.fromVersion, toVersion: pending.toVersion, cause }).toPayload(),
    };
  }
}
