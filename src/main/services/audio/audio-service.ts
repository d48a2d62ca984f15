/**
 * The audio domain behind the requests: import, editing, peaks, preview, loudness, normalise,
 * export and programme rendering. Heavy work runs as jobs in worker threads; this class only
 * plans it and records the results.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EditDocument, EditOp, ExportResult, LoudnessResult, RenderedProgramme } from '../../../shared/api/audio.ts';
import { NORMALIZE_PRESETS } from '../../../shared/api/audio.ts';
import type { Asset, JobInfo } from '../../../shared/domain.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { StudioServices } from '../../studio.ts';
import { initialTimeline, type Timeline } from './edit-list.ts';
import { editedPeaks, sampledPeaks } from './edit-peaks.ts';
import { EditStore, sourceFrames } from './edit-store.ts';
import type { SinkResult } from './export-sink.ts';
import type { ImportInput, ImportResult } from './import-audio.ts';
import { BASE_BIN, loadPeaks, peaksPath, type Peaks } from './peaks.ts';
import type { MeasureInput, NormalizeInput, NormalizeOutput, RenderInput } from './render-jobs.ts';
import { WavReader } from './wav-reader.ts';
import { workerUrl } from '../jobs/worker-files.ts';

/** Documents up to this long are read sample by sample for zooms finer than the stored peaks. */
const SAMPLED_PEAKS_MAX_SEC = 120;

const worker = (name: string) => workerUrl(`audio/${name}.worker.ts`);

export interface ExportRequest {
  documentId?: number;
  programmeId?: number;
  format: 'wav' | 'mp3';
  sampleRate: 44100 | 48000;
  bitrate: number;
  outPath: string;
  title?: string;
  author?: string;
  album?: string;
  comment?: string;
  language?: string;
}

export interface ProgrammeRenderOptions {
  gapSec: number;
  crossfadeSec: number;
  duckDb: number;
}

export class AudioService {
  readonly edits: EditStore;
  private readonly peaksCache = new Map<string, Peaks>();

  constructor(private readonly s: StudioServices) {
    this.edits = new EditStore(s.db, s.assets);
  }

  private abs(rel: string): string {
    return path.join(this.s.dataDir, rel);
  }

  import(source: string, name: string | undefined, actor: string): JobInfo {
    const input: ImportInput = { source: path.resolve(source), dataDir: this.s.dataDir, name: name || path.parse(source).name };
    return this.s.jobs.start<ImportInput, ImportResult>({
      kind: 'audio.import',
      title: `Nhập âm thanh: ${input.name}`,
      worker: worker('import'),
      input,
      finish: (result) => {
        const { format: _format, ...asset } = result;
        // The same file imported again gives back the asset already there (see AssetStore.add).
        const added = this.s.assets.add(asset, actor);
        this.s.events.emit('library.changed', { entity: 'asset', id: added.id });
        return added;
      },
    });
  }

  /** Peaks of a source, computed in a job (and stored) if it came in without them (e.g. a recording). */
  async sourcePeaks(asset: Asset): Promise<Peaks> {
    const cached = this.peaksCache.get(asset.sha256);
    if (cached) return cached;
    const file = peaksPath(this.s.dataDir, asset.sha256);
    if (!fs.existsSync(file)) {
      await this.runJob('audio.peaks', `Dạng sóng: ${asset.name}`, 'peaks', { source: this.abs(asset.file), target: file });
    }
    const peaks = loadPeaks(file);
    if (this.peaksCache.size > 8) this.peaksCache.delete(this.peaksCache.keys().next().value!);
    this.peaksCache.set(asset.sha256, peaks);
    return peaks;
  }

  async peaks(documentId: number, pixelsPerSecond: number) {
    const { asset, timeline, doc } = this.edits.load(documentId);
    if (asset.sampleRate / pixelsPerSecond < BASE_BIN && doc.durationSec <= SAMPLED_PEAKS_MAX_SEC) {
      const reader = WavReader.open(this.abs(asset.file));
      try {
        return sampledPeaks(timeline, reader, pixelsPerSecond);
      } finally {
        reader.close();
      }
    }
    return editedPeaks(timeline, await this.sourcePeaks(asset), pixelsPerSecond);
  }

  apply(documentId: number, op: EditOp): EditDocument {
    return this.edits.apply(documentId, op);
  }

  private async runJob<I, R>(kind: string, title: string, name: string, input: I): Promise<R> {
    const job = this.s.jobs.start<I, R>({ kind, title, worker: worker(name), input });
    const done = await this.s.jobs.wait(job.id);
    if (done.state !== 'done') throw new StudioError((done.error?.code ?? 'internal') as never, done.error?.message ?? done.state);
    return done.result as R;
  }

  /** A WAV of the current edit for playback, rendered once per edit list. */
  async preview(documentId: number): Promise<{ media: string; durationSec: number }> {
    const { asset, timeline } = this.edits.load(documentId);
    const hash = createHash('sha256').update(JSON.stringify(timeline)).digest('hex').slice(0, 16);
    const media = path.join('previews', `${documentId}-${hash}.wav`);
    if (!fs.existsSync(this.abs(media))) {
      const input: RenderInput = {
        kind: 'document',
        sourceFile: this.abs(asset.file),
        timeline,
        sink: { path: this.abs(media), format: 'wav', sampleRate: asset.sampleRate, wavFormat: 'pcm16' },
      };
      await this.runJob<RenderInput, SinkResult>('edit.preview', `Nghe thử: ${asset.name}`, 'render', input);
      this.prunePreviews(documentId);
    }
    return { media: media.split(path.sep).join('/'), durationSec: this.edits.get(documentId).durationSec };
  }

  /**
   * Keeps the few newest previews of a document. Not only the current one: undo, redo and a
   * preview still playing may point at an older edit's file while a newer render finishes.
   */
  private prunePreviews(documentId: number, keep = 6): void {
    const dir = this.abs('previews');
    const mine = fs
      .readdirSync(dir)
      .filter((name) => name.startsWith(`${documentId}-`) && name.endsWith('.wav'))
      .map((name) => ({ name, at: fs.statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of mine.slice(keep)) fs.rmSync(path.join(dir, old.name), { force: true });
  }

  async loudness(ref: { assetId?: number; documentId?: number }): Promise<LoudnessResult> {
    const input: MeasureInput =
      ref.documentId !== undefined
        ? (() => {
            const { asset, timeline } = this.edits.load(ref.documentId);
            return { sourceFile: this.abs(asset.file), timeline };
          })()
        : { sourceFile: this.abs(this.s.assets.get(ref.assetId!).file) };
    return this.runJob<MeasureInput, LoudnessResult>('audio.loudness', 'Đo độ to (LUFS)', 'measure', input);
  }

  loudnessFile(file: string): Promise<LoudnessResult> {
    return this.runJob('audio.loudness', `Đo độ to: ${path.basename(file)}`, 'file-tools', { tool: 'loudness', path: path.resolve(file) });
  }

  normalizeFile(input: { input: string; output: string; target: number; ceiling: number; bitrate: number }): JobInfo {
    if (!fs.existsSync(path.dirname(path.resolve(input.output)))) {
      throw new StudioError('not_found', `thư mục không tồn tại / folder ${path.dirname(input.output)} does not exist`);
    }
    return this.s.jobs.start({
      kind: 'audio.normalize',
      title: `Chuẩn hóa âm lượng: ${path.basename(input.input)}`,
      worker: worker('file-tools'),
      input: { tool: 'normalize', ...input, input: path.resolve(input.input), output: path.resolve(input.output) },
    });
  }

  normalize(documentId: number, preset: 'broadcast' | 'outdoor' | 'custom', target?: number, ceiling?: number): JobInfo {
    const chosen = preset === 'custom' ? { target, ceiling: ceiling ?? -1 } : NORMALIZE_PRESETS[preset];
    if (chosen.target === undefined) throw new StudioError('invalid_argument', 'custom preset needs a target (LUFS)');
    const { asset, timeline } = this.edits.load(documentId);
    const input: NormalizeInput = { sourceFile: this.abs(asset.file), timeline, target: chosen.target, ceiling: chosen.ceiling };
    return this.s.jobs.start<NormalizeInput, NormalizeOutput & { document: EditDocument }>({
      kind: 'audio.normalize',
      title: `Chuẩn hóa âm lượng ${chosen.target} LUFS`,
      worker: worker('normalize'),
      input,
      // the result becomes an undoable `normalize` edit (gain + true-peak limiter on render)
      finish: (out) => {
        this.edits.push(
          documentId,
          { type: 'normalize', gainDb: out.gainDb, ceilingDb: chosen.ceiling, target: chosen.target! },
          { type: 'normalize', gainDb: out.gainDb, ceilingDb: chosen.ceiling },
        );
        return { ...out, document: this.edits.get(documentId) };
      },
    });
  }

  export(req: ExportRequest): JobInfo {
    const outPath = path.resolve(req.outPath);
    if (!fs.existsSync(path.dirname(outPath))) throw new StudioError('not_found', `thư mục không tồn tại / folder ${path.dirname(outPath)} does not exist`);
    const sink = {
      path: outPath,
      format: req.format,
      sampleRate: req.sampleRate,
      bitrate: req.bitrate,
      bext: true,
      wavFormat: 'pcm24' as const,
    };
    if (req.programmeId !== undefined) return this.renderProgramme(req.programmeId, { gapSec: 1, crossfadeSec: 0, duckDb: -18 }, { ...sink, tags: this.programmeTags(req.programmeId, req) });
    const { asset, timeline } = this.edits.load(req.documentId!);
    const tags = { title: req.title ?? asset.name, author: req.author, album: req.album, comment: req.comment, language: req.language };
    const input: RenderInput = { kind: 'document', sourceFile: this.abs(asset.file), timeline, sink: { ...sink, tags } };
    return this.s.jobs.start<RenderInput, SinkResult>({
      kind: 'audio.export',
      title: `Xuất ${req.format.toUpperCase()}: ${path.basename(outPath)}`,
      worker: worker('render'),
      input,
      finish: (r): ExportResult => r,
    });
  }

  private programmeTags(programmeId: number, req: Partial<ExportRequest>) {
    const programme = this.s.programmes.get(programmeId);
    return { title: req.title ?? programme.title, author: req.author, album: req.album ?? programme.title, comment: req.comment ?? programme.notes.slice(0, 500), language: req.language };
  }

  /** The sources of a programme's items, in order, each with its edit (if it has one). */
  private programmePlan(programmeId: number): { items: Extract<RenderInput, { kind: 'programme' }>['items']; signature: string } {
    const programme = this.s.programmes.get(programmeId);
    if (programme.items.length === 0) throw new StudioError('invalid_argument', 'chương trình chưa có mục nào / the programme has no items');
    const items = programme.items.map((item) => {
      const assetId = item.bulletinId !== null ? this.s.bulletins.get(item.bulletinId).audioAssetId : item.assetId;
      if (assetId === null) throw new StudioError('conflict', `bản tin "${item.label}" chưa có âm thanh / the bulletin has no audio yet`);
      const asset = this.s.assets.get(assetId);
      const docId = this.s.db.prepare('SELECT id FROM edit_documents WHERE asset_id = ?').pluck().get(assetId) as number | undefined;
      const timeline: Timeline = docId !== undefined ? this.edits.load(docId).timeline : initialTimeline(sourceFrames(asset));
      return { kind: item.kind, sourceFile: this.abs(asset.file), timeline };
    });
    return { items, signature: this.s.programmes.renderSignature(programmeId) };
  }

  renderProgramme(programmeId: number, options: ProgrammeRenderOptions, sink?: Omit<RenderInput['sink'], 'inputRate' | 'channels'>): JobInfo {
    const { items, signature } = this.programmePlan(programmeId);
    const media = path.join('renders', `programme-${programmeId}.wav`);
    const target = sink ?? { path: this.abs(media), format: 'wav' as const, sampleRate: 48000, wavFormat: 'pcm16' as const, bext: true, tags: this.programmeTags(programmeId, {}) };
    const input: RenderInput = { kind: 'programme', items, mix: { sampleRate: target.sampleRate, channels: 2, ...options }, sink: target };
    return this.s.jobs.start<RenderInput, SinkResult>({
      kind: sink ? 'audio.export' : 'programme.render',
      title: `Dựng chương trình #${programmeId}`,
      worker: worker('render'),
      input,
      finish: (r): RenderedProgramme | ExportResult => {
        const where = sink ? r.path : media.split(path.sep).join('/');
        this.s.db
          .prepare(
            `INSERT INTO programme_renders (programme_id, media, duration_sec, signature, loudness, rendered_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (programme_id) DO UPDATE SET media = excluded.media, duration_sec = excluded.duration_sec,
               signature = excluded.signature, loudness = excluded.loudness, rendered_at = excluded.rendered_at`,
          )
          .run(programmeId, where, r.durationSec, signature, JSON.stringify(r.loudness), new Date().toISOString());
        this.s.events.emit('library.changed', { entity: 'programme', id: programmeId });
        return sink ? r : { programmeId, media: where, durationSec: r.durationSec, loudness: r.loudness };
      },
    });
  }
}
