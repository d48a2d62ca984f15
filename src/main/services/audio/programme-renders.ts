import type { LoudnessResult } from '../../../shared/api/audio.ts';
import type { Programme } from '../../../shared/api/library-types.ts';
import type { Db } from '../storage/index.ts';

interface RenderRow {
  media: string;
  duration_sec: number;
  signature: string;
  loudness: string;
  rendered_at: string;
}

/**
 * The last render of each programme (table `programme_renders`, this service's), with the
 * signature of what it was made from: a render whose signature differs from the programme's
 * current one (items, order, audio, edits, settings) is stale and not offered.
 */
export class ProgrammeRenders {
  constructor(private readonly db: Db) {}

  record(programmeId: number, render: { media: string; durationSec: number; signature: string; loudness: LoudnessResult }): void {
    this.db
      .prepare(
        `INSERT INTO programme_renders (programme_id, media, duration_sec, signature, loudness, rendered_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (programme_id) DO UPDATE SET media = excluded.media, duration_sec = excluded.duration_sec,
           signature = excluded.signature, loudness = excluded.loudness, rendered_at = excluded.rendered_at`,
      )
      .run(programmeId, render.media, render.durationSec, render.signature, JSON.stringify(render.loudness), new Date().toISOString());
  }

  /** The programme's last render if it was made from `signature`, else null. */
  current(programmeId: number, signature: string): NonNullable<Programme['rendered']> | null {
    const row = this.db.prepare('SELECT media, duration_sec, signature, loudness, rendered_at FROM programme_renders WHERE programme_id = ?').get(programmeId) as
      | RenderRow
      | undefined;
    if (!row || row.signature !== signature) return null;
    const loudness = JSON.parse(row.loudness) as LoudnessResult;
    return { durationSec: row.duration_sec, media: row.media, renderedAt: row.rendered_at, loudness: { integrated: loudness.integrated, truePeak: loudness.truePeak } };
  }
}
