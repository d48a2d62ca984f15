/**
 * The files deliveries leave in the data folder: renders of edited bulletins (`deliveries/`, with
 * their `.json` sidecars) and programme snapshots (`outbox-files/`). Nothing else removes them, so
 * a studio delivering every day would fill its disk. A file goes once every outbox item that sends
 * it is finished (delivered or cancelled) and has not changed for `keepDays`, and the file itself is
 * that old too (a render made just now, not yet queued, stays). A waiting item's file never goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OutboxState } from '../../../shared/api/delivery.ts';

export const DELIVERY_FILE_FOLDERS = ['deliveries', 'outbox-files'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const FINISHED: ReadonlySet<OutboxState> = new Set(['delivered', 'cancelled']);

export interface PruneInput {
  dataDir: string;
  keepDays: number;
  /** Every outbox item's file (relative, "/"), its state and when it last changed. */
  references: { file: string; state: OutboxState; updatedAt: string }[];
  now?: number;
}

/** Removes what may go; answers the removed files (relative to the data folder, "/"). */
export function pruneDeliveryFiles({ dataDir, keepDays, references, now = Date.now() }: PruneInput): string[] {
  const cutoff = now - keepDays * DAY_MS;
  const byFile = new Map<string, { state: OutboxState; updatedAt: string }[]>();
  for (const ref of references) byFile.set(ref.file, [...(byFile.get(ref.file) ?? []), ref]);
  const removed: string[] = [];
  for (const folder of DELIVERY_FILE_FOLDERS) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(dataDir, folder));
    } catch {
      continue; // no such folder yet: nothing delivered this way
    }
    for (const name of names) {
      // A sidecar (`x.wav.json`) or a half-written file (`x.tmp`) follows the file it belongs to.
      const owner = `${folder}/${name.replace(/(\.json)?(\.tmp)?$/, '')}`;
      const refs = byFile.get(owner) ?? [];
      if (refs.some((ref) => !FINISHED.has(ref.state) || Date.parse(ref.updatedAt) > cutoff)) continue;
      const file = path.join(dataDir, folder, name);
      try {
        const stat = fs.statSync(file);
        if (!stat.isFile() || stat.mtimeMs > cutoff) continue;
        fs.unlinkSync(file);
        removed.push(`${folder}/${name}`);
      } catch {
        // Gone already, or locked (Windows): tried again at the next start or delivery.
      }
    }
  }
  return removed;
}
