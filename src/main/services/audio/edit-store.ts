/**
 * Edit documents in SQLite: one per source asset, with every edit kept in order. Undo marks the
 * last active edit undone, redo restores the first undone one, and a new edit drops the undone
 * ones (the usual editor behaviour), all in transactions, so the history survives a restart.
 */
import { type EditDocument, type EditOp, type EditOpRecord, MAX_DOCUMENT_SECONDS } from '../../../shared/api/audio.ts';
import { type Asset } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { Db } from '../storage/index.ts';
import { replay, sliceTimeline, timelineLength, type FrameOp, type Segment, type Timeline } from './edit-list.ts';

interface DocRow {
  id: number;
  asset_id: number;
  clipboard: string | null;
}

interface OpRow {
  seq: number;
  request: string;
  frames: string;
  undone: number;
}

export interface LoadedDocument {
  doc: EditDocument;
  asset: Asset;
  timeline: Timeline;
}

export class EditStore {
  private readonly cache = new Map<number, { key: string; timeline: Timeline }>();

  constructor(
    private readonly db: Db,
    private readonly assets: { get(id: number): Asset },
  ) {}

  /** The edit document of an asset, if one was opened. */
  documentOf(assetId: number): number | undefined {
    return this.db.prepare('SELECT id FROM edit_documents WHERE asset_id = ?').pluck().get(assetId) as number | undefined;
  }

  /** The asset's document, created on first open. */
  open(assetId: number): EditDocument {
    this.assets.get(assetId);
    const row = this.db.prepare('SELECT id FROM edit_documents WHERE asset_id = ?').get(assetId) as { id: number } | undefined;
    if (row) return this.get(row.id);
    const now = new Date().toISOString();
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO edit_documents (asset_id, created_at, updated_at) VALUES (?, ?, ?)')
      .run(assetId, now, now);
    return this.get(Number(lastInsertRowid));
  }

  get(documentId: number): EditDocument {
    return this.load(documentId).doc;
  }

  load(documentId: number): LoadedDocument {
    const row = this.row(documentId);
    const asset = this.assets.get(row.asset_id);
    const ops = this.ops(documentId);
    const active = ops.filter((o) => !o.undone);
    const key = ops.map((o) => `${o.seq}:${o.undone}`).join(',');
    let cached = this.cache.get(documentId);
    if (!cached || cached.key !== key) {
      cached = { key, timeline: replay(sourceFrames(asset), active.map((o) => JSON.parse(o.frames) as FrameOp)) };
      this.cache.set(documentId, cached);
    }
    const timeline = cached.timeline;
    const rate = asset.sampleRate;
    const doc: EditDocument = {
      id: documentId,
      assetId: asset.id,
      sampleRate: rate,
      channels: asset.channels,
      durationSec: timelineLength(timeline) / rate,
      ops: active.map((o) => JSON.parse(o.request) as EditOpRecord),
      canUndo: active.length > 0,
      canRedo: ops.some((o) => o.undone),
      markers: timeline.markers.map((m) => ({ name: m.name, at: m.at / rate })),
      master: timeline.master,
    };
    return { doc, asset, timeline };
  }

  apply(documentId: number, op: EditOp): EditDocument {
    return this.db.transaction(() => {
      const { asset, timeline } = this.load(documentId);
      const f = (sec: number) => Math.round(sec * asset.sampleRate);
      if ('start' in op && f(op.end) <= f(op.start) && op.type !== 'copy') {
        throw new StudioError('invalid_argument', 'the selection is empty (end must be after start)', { reason: 'selection_empty' });
      }
      const length = timelineLength(timeline);
      if (('start' in op && f(op.start) >= length) || ('at' in op && f(op.at) > length)) {
        throw new StudioError('invalid_argument', 'the position is beyond the end of the audio', { reason: 'position_beyond_end' });
      }
      if (op.type === 'copy' || op.type === 'cut') {
        this.setClipboard(documentId, sliceTimeline(timeline, f(op.start), f(op.end)));
        if (op.type === 'copy') return this.get(documentId);
      }
      let frames: FrameOp;
      switch (op.type) {
        case 'paste': {
          const clip = this.clipboard(documentId);
          if (!clip || clip.length === 0) throw new StudioError('conflict', 'nothing has been cut or copied yet', { reason: 'clipboard_empty' });
          frames = { type: 'paste', at: f(op.at), segments: clip };
          break;
        }
        case 'insertSilence':
          frames = { type: 'insertSilence', at: f(op.at), length: Math.max(1, f(op.duration)) };
          break;
        case 'marker':
          frames = { type: 'marker', at: f(op.at), name: op.name };
          break;
        case 'removeMarker':
          if (!timeline.markers.some((m) => m.name === op.name)) throw new StudioError('not_found', `marker ${op.name}`);
          frames = op;
          break;
        case 'gain':
          frames = { type: 'gain', start: f(op.start), end: f(op.end), db: op.db };
          break;
        default:
          frames = { type: op.type, start: f(op.start), end: f(op.end) };
      }
      const added = frames.type === 'paste' ? frames.segments.reduce((n, seg) => n + seg.length, 0) : frames.type === 'insertSilence' ? frames.length : 0;
      if (added > 0 && length + added > MAX_DOCUMENT_SECONDS * asset.sampleRate) {
        // Each render of the document reads every second of it: past a few hours a preview or an
        // export would run for minutes and need gigabytes (issue 8, item 10).
        throw new StudioError('too_large', `an edited recording lasts at most ${MAX_DOCUMENT_SECONDS} s`, { maxSec: MAX_DOCUMENT_SECONDS });
      }
      this.push(documentId, op, frames);
      return this.get(documentId);
    })();
  }

  /** Appends an edit made by the studio itself (normalise), undoable like any other. */
  push(documentId: number, request: EditOpRecord, frames: FrameOp): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM edit_ops WHERE document_id = ? AND undone = 1').run(documentId);
      const seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM edit_ops WHERE document_id = ?').pluck().get(documentId) as number) + 1;
      const now = new Date().toISOString();
      this.db
        .prepare('INSERT INTO edit_ops (document_id, seq, request, frames, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(documentId, seq, JSON.stringify(request), JSON.stringify(frames), now);
      this.touch(documentId);
    })();
  }

  undo(documentId: number): EditDocument {
    this.row(documentId);
    const seq = this.db.prepare('SELECT MAX(seq) FROM edit_ops WHERE document_id = ? AND undone = 0').pluck().get(documentId) as number | null;
    if (seq === null) throw new StudioError('conflict', 'nothing to undo', { reason: 'nothing_to_undo' });
    this.db.prepare('UPDATE edit_ops SET undone = 1 WHERE document_id = ? AND seq = ?').run(documentId, seq);
    this.touch(documentId);
    return this.get(documentId);
  }

  redo(documentId: number): EditDocument {
    this.row(documentId);
    const seq = this.db.prepare('SELECT MIN(seq) FROM edit_ops WHERE document_id = ? AND undone = 1').pluck().get(documentId) as number | null;
    if (seq === null) throw new StudioError('conflict', 'nothing to redo', { reason: 'nothing_to_redo' });
    this.db.prepare('UPDATE edit_ops SET undone = 0 WHERE document_id = ? AND seq = ?').run(documentId, seq);
    this.touch(documentId);
    return this.get(documentId);
  }

  private row(documentId: number): DocRow {
    const row = this.db.prepare('SELECT id, asset_id, clipboard FROM edit_documents WHERE id = ?').get(documentId) as DocRow | undefined;
    if (!row) throw new StudioError('not_found', `edit document ${documentId}`);
    return row;
  }

  private ops(documentId: number): OpRow[] {
    return this.db.prepare('SELECT seq, request, frames, undone FROM edit_ops WHERE document_id = ? ORDER BY seq').all(documentId) as OpRow[];
  }

  private clipboard(documentId: number): Segment[] | null {
    const raw = this.row(documentId).clipboard;
    return raw ? (JSON.parse(raw) as Segment[]) : null;
  }

  private setClipboard(documentId: number, segments: Segment[]): void {
    this.db.prepare('UPDATE edit_documents SET clipboard = ? WHERE id = ?').run(JSON.stringify(segments), documentId);
  }

  private touch(documentId: number): void {
    this.db.prepare('UPDATE edit_documents SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), documentId);
  }
}

/** Frames of an imported source (its duration is frames / rate exactly). */
export const sourceFrames = (asset: Asset) => Math.round(asset.durationSec * asset.sampleRate);
