/**
 * The start-up check that every asset's sha256 is the hash of the file that is stored (and
 * delivered). Issue 8, item 6: imports from MP3/FLAC/OGG recorded the compressed original's hash
 * beside the decoded WAV. Assets not yet checked (all of them after migration 012, then each new
 * one once) are hashed in a job, off the main thread; a wrong figure is corrected and audited.
 */
import fs from 'node:fs';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import type { AuditTrail } from '../audit/index.ts';
import { workerUrl, type JobManager } from '../jobs/index.ts';
import type { Db } from '../storage/index.ts';
import type { HashAssetsInput, HashAssetsOutput } from './hash-assets.worker.ts';

export interface AssetHashDeps {
  db: Db;
  dataDir: string;
  jobs: JobManager;
  audit: AuditTrail;
  /** Where derived files keyed by hash live (the waveform peaks), to follow the new hash. */
  peaksPath(sha256: string): string;
  changed(assetId: number): void;
}

/** Starts the check if any asset needs it; the job's result is the ids whose hash was corrected. */
export function checkAssetHashes(deps: AssetHashDeps): JobInfo<'library.checkHashes'> | null {
  const assets = deps.db.prepare('SELECT id, file, sha256 FROM assets WHERE sha256_checked_at IS NULL ORDER BY id').all() as { id: number; file: string; sha256: string }[];
  if (assets.length === 0) return null;
  return deps.jobs.start<'library.checkHashes', HashAssetsInput, HashAssetsOutput>({
    kind: 'library.checkHashes',
    worker: workerUrl('library/hash-assets.worker.ts'),
    input: { dataDir: deps.dataDir, assets: assets.map(({ id, file }) => ({ id, file })) },
    finish: (hashes) => recordHashes(deps, assets, hashes),
  });
}

function recordHashes(deps: AssetHashDeps, before: { id: number; sha256: string }[], hashes: HashAssetsOutput): number[] {
  const was = new Map(before.map((a) => [a.id, a.sha256]));
  const now = new Date().toISOString();
  const corrected: number[] = [];
  const update = deps.db.prepare('UPDATE assets SET sha256 = ?, bytes = ?, sha256_checked_at = ? WHERE id = ? AND sha256 = ?');
  deps.db.transaction(() => {
    for (const { id, sha256, bytes } of hashes) {
      const old = was.get(id);
      // A missing file stays unchecked: it may be on a drive that is not mounted yet.
      if (!sha256 || old === undefined) continue;
      // `AND sha256 = old`: an asset changed meanwhile (it cannot, assets are immutable) is left alone.
      update.run(sha256, bytes, now, id, old);
      if (sha256 === old) continue;
      corrected.push(id);
      deps.audit.record({ actor: 'studio', entity: 'asset', entityId: id, action: 'update', changes: { sha256: { from: old, to: sha256 } } });
    }
  })();
  for (const id of corrected) {
    // The peaks were stored under the old hash; a missing peaks file is rebuilt when next needed.
    const from = deps.peaksPath(was.get(id)!);
    const to = deps.peaksPath(deps.db.prepare('SELECT sha256 FROM assets WHERE id = ?').pluck().get(id) as string);
    if (fs.existsSync(from) && !fs.existsSync(to)) {
      try {
        fs.renameSync(from, to);
      } catch {
        // Derived data only.
      }
    }
    deps.changed(id);
  }
  return corrected;
}
