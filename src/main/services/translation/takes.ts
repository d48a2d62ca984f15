/**
 * Segments' recorded takes: one library asset per segment, stored with the segment's text at
 * recording time. A new take replaces the old link in one statement, so the old take stays the
 * segment's until the new one is attached (and its asset stays in the library either way).
 */
import type { Database } from 'better-sqlite3';
import type { Asset } from '../../../shared/api/library-types.ts';
import type { SegmentTake, TranslationSegment } from '../../../shared/translation/index.ts';
import { exactKey } from './text.ts';

interface TakeRow {
  idx: number;
  asset_id: number;
  source: string;
  target: string;
  author: string | null;
  recorded_at: string;
}

export interface TakeAssets {
  get(id: number): Asset;
}

export function createTakes(db: Database, assets: TakeAssets) {
  const rows = (id: number) => db.prepare('SELECT idx, asset_id, source, target, author, recorded_at FROM translation_takes WHERE translation_id = ? ORDER BY idx').all(id) as TakeRow[];

  const toTake = (row: TakeRow, segment: TranslationSegment | undefined): SegmentTake => {
    const asset = assets.get(row.asset_id);
    return {
      index: row.idx, assetId: asset.id, file: asset.file, durationSec: asset.durationSec, author: row.author, recordedAt: row.recorded_at,
      outdated: segment !== undefined && exactKey(segment.target) !== exactKey(row.target),
    };
  };

  return {
    /** The takes of a translation's segments, in segment order. */
    list(id: number, segments: readonly TranslationSegment[]): SegmentTake[] {
      const byIndex = new Map(segments.map((s) => [s.index, s]));
      return rows(id).map((row) => toTake(row, byIndex.get(row.idx)));
    },
    /** Links `assetId` to the segment as its take, replacing the one before. */
    attach(id: number, segment: TranslationSegment, assetId: number, author: string): SegmentTake {
      assets.get(assetId);
      const recordedAt = new Date().toISOString();
      db.prepare(`INSERT INTO translation_takes (translation_id, idx, asset_id, source, target, author, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (translation_id, idx) DO UPDATE SET asset_id = excluded.asset_id, source = excluded.source, target = excluded.target,
        author = excluded.author, recorded_at = excluded.recorded_at`).run(id, segment.index, assetId, segment.source, segment.target, author, recordedAt);
      return toTake({ idx: segment.index, asset_id: assetId, source: segment.source, target: segment.target, author, recorded_at: recordedAt }, segment);
    },
    remove(id: number, index: number): boolean {
      return db.prepare('DELETE FROM translation_takes WHERE translation_id = ? AND idx = ?').run(id, index).changes > 0;
    },
    /**
     * The source was re-segmented: each take follows the segment with its source text (first
     * unclaimed one in order); a take whose segment is gone is unlinked (its asset stays).
     */
    follow(id: number, segments: readonly TranslationSegment[]): void {
      const old = rows(id);
      const free = [...segments];
      db.transaction(() => {
        db.prepare('DELETE FROM translation_takes WHERE translation_id = ?').run(id);
        const insert = db.prepare('INSERT INTO translation_takes (translation_id, idx, asset_id, source, target, author, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
        for (const take of old) {
          const at = free.findIndex((s) => exactKey(s.source) === exactKey(take.source));
          if (at < 0) continue;
          const [segment] = free.splice(at, 1);
          insert.run(id, segment!.index, take.asset_id, take.source, take.target, take.author, take.recorded_at);
        }
      })();
    },
  };
}

export type Takes = ReturnType<typeof createTakes>;
