import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupResult } from '../../../shared/api/library-types.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { DATABASE_FILE } from '../storage/index.ts';

export interface BackupInput {
  dataDir: string;
  destDir: string;
}


/**
 * Copies the database (SQLite's online backup, consistent while the studio keeps writing) and
 * every asset into a new dated folder, built under a temporary name and renamed when complete.
 */
defineJobWorker<BackupInput, BackupResult>(async ({ dataDir, destDir }, job) => {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const folder = path.join(destDir, `studio-backup-${stamp}`);
  const temp = `${folder}.part`;
  // Not recursive: the destination was checked to exist; nothing above it is ever created.
  fs.mkdirSync(temp);
  fs.mkdirSync(path.join(temp, 'assets'));
  try {
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      await db.backup(path.join(temp, DATABASE_FILE), {
        progress({ totalPages, remainingPages }) {
          job.checkCancelled();
          job.progress((0.5 * (totalPages - remainingPages)) / Math.max(1, totalPages), 'database');
          return 256;
        },
      });
    } finally {
      db.close();
    }
    const assetsDir = path.join(dataDir, 'assets');
    const assets = fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir).filter((f) => !f.startsWith('.')) : [];
    let bytes = fs.statSync(path.join(temp, DATABASE_FILE)).size;
    for (const [i, file] of assets.entries()) {
      job.checkCancelled();
      fs.copyFileSync(path.join(assetsDir, file), path.join(temp, 'assets', file));
      bytes += fs.statSync(path.join(temp, 'assets', file)).size;
      job.progress(0.5 + (0.5 * (i + 1)) / assets.length, 'assets');
    }
    // A cancel that arrives during the last file still leaves no backup folder behind.
    job.checkCancelled();
    fs.renameSync(temp, folder);
    return { folder, files: assets.length + 1, bytes };
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
});
