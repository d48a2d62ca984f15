import type { LoudnessResult } from '../../../shared/api/audio.ts';
import type { Programme } from '../../../shared/api/library-types.ts';
import type { Db } from '../storage/index.ts';

interface RenderRow {
  media: string;
  duration_sec: number;
  signature: string;
  rendered_at: string;
}

/**
 * The last render of each programme (table `programme_renders`, this service's). A render made
 * from exactly a programme's current items (same signature) gives its real length: music beds
 * under speech, gaps and crossfades make it differ from the sum of the items.
 */
export class ProgrammeRenders {
  constructor(
    private readonly db: Db,
    private readonly currentSignature: (programmeId: number) => string,
  ) {}

  record(programmeId: number, render: { media: string; durationSec: number; signature: string; loudness: LoudnessResult }): void {
    this.db
      .prepare(
        `INSERT INTO programme_renders (programme_id, media, duration_sec, signature, loudness, rendered_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (programme_id) DO UPDATE SET media = excluded.media, duration_sec = excluded.duration_sec,
           signature = excluded.signature, loudness = excluded.loudness, rendered_at = excluded.rendered_at`,
      )
      .run(programmeId, render.media, render.durationSec, render.signature, JSON.stringify(render.loudness), new Date().toISOString());
  }

  /** The programme with `rendered` and its length from a current render, if there is one. */
  apply(programme: Programme): Programme {
    const row = this.db.prepare('SELECT media, duration_sec, signature, rendered_at FROM programme_renders WHERE programme_id = ?').get(programme.id) as
      | RenderRow
      | undefined;
    if (!row || row.signature !== this.currentSignature(programme.id)) return { ...programme, rendered: null };
    const totalSec = Math.round(row.duration_sec * 10) / 10;
    return {
      ...programme,
      rendered: { durationSec: row.duration_sec, media: row.media, renderedAt: row.rendered_at },
      totalSec,
      exceedsCap: totalSec > programme.capMinutes * 60,
    };
  }
}
