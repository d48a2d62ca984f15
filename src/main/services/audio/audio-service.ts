/**
 * The audio domain behind the requests: import, editing, peaks, preview, loudness, normalise,
 * export and programme rendering. Heavy work runs as jobs in worker threads; this class only
 * plans it and records the results.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type BulletinAudioInfo, type EditDocument, type EditOp, type ExportResult, type LoudnessResult, type NormalizeResult, type RenderedProgramme, NORMALIZE_PRESETS } from '../../../shared/api/audio.ts';
import type { Asset, AssetRole, Programme, ProgrammeMixSettings } from '../../../shared/api/library-types.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { StudioError } from '../../../shared/errors.ts';
import { workerUrl, type JobManager } from '../jobs/index.ts';
import type { Library } from '../library/index.ts';
import type { Db } from '../storage/index.ts';
import { BulletinAudioFiles, type BulletinAudio, type DeliveredAudio, type LoudnessPreset } from './bulletin-audio.ts';
import { editedPeaks, sampledPeaks } from './edit-peaks.ts';
import { initialTimeline, timelineLength } from './edit-list.ts';
import { EditStore, sourceFrames } from './edit-store.ts';
import type { SinkResult } from './export-sink.ts';
import type { ImportInput, ImportResult } from './import-audio.ts';
import { BASE_BIN, loadPeaks, peaksPath, type Peaks } from './peaks.ts';
import type { MeasureInput, NormalizeInput, NormalizeOutput, RenderInput } from './render-jobs.ts';
import { ProgrammeAudio } from './programme-audio.ts';
import { ProgrammeRenders } from './programme-renders.ts';
import { WavReader } from './wav-reader.ts';

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

export interface AudioDeps {
  db: Db;
  dataDir: string;
  library: Library;
  jobs: JobManager;
}

export class AudioService {
  readonly edits: EditStore;
  /** The last render of each programme: audio owns these, the library's programmes do not. */
  readonly renders: ProgrammeRenders;
  private readonly bulletinFiles: BulletinAudioFiles;
  private readonly programmes: ProgrammeAudio;
  private readonly peaksCache = new Map<string, Peaks>();
  private readonly dataDir: string;
  private readonly library: Library;
  private readonly jobs: JobManager;

  constructor({ db, dataDir, library, jobs }: AudioDeps) {
    this.dataDir = dataDir;
    this.library = library;
    this.jobs = jobs;
    this.edits = new EditStore(db, library.assets);
    this.renders = new ProgrammeRenders(db);
    this.programmes = new ProgrammeAudio({ dataDir, library, jobs, edits: this.edits, renders: this.renders });
    this.bulletinFiles = new BulletinAudioFiles({ dataDir, library, jobs, edits: this.edits, workerUrl: worker('bulletin-render') });
  }

  /**
   * THE way to read a bulletin's audio: its source asset with the editor's edits, whether it is
   * stale. (Set it with the library's `bulletins.setAudio`.) Refuses a bulletin without audio.
   */
  bulletinAudio(bulletinId: number): BulletinAudio {
    return this.bulletinFiles.get(bulletinId);
  }

  /** What the screen shows of a bulletin's audio (the edit's length and loudness target). */
  bulletinAudioInfo(bulletinId: number): BulletinAudioInfo {
    const a = this.bulletinAudio(bulletinId);
    const durationSec = timelineLength(a.timeline) / a.asset.sampleRate;
    return { bulletinId, assetId: a.asset.id, documentId: a.documentId, edited: a.edited, durationSec, normalisedTo: a.normalisedTo, stale: a.stale };
  }

  /** The file delivered for a bulletin: its edit rendered (normalised to `preset` when given). */
  renderBulletinAudio(bulletinId: number, preset?: LoudnessPreset): Promise<DeliveredAudio> {
    return this.bulletinFiles.render(bulletinId, preset);
  }

  private abs(rel: string): string {
    return path.join(this.dataDir, rel);
  }

  /** The one import path: any supported audio file becomes a library asset, with its peaks. */
  import(source: string, name: string | undefined, actor: string, role: AssetRole = 'voice'): JobInfo<'audio.import'> {
    const input: ImportInput = { source: path.resolve(source), dataDir: this.dataDir, name: name || path.parse(source).name };
    return this.jobs.start<'audio.import', ImportInput, ImportResult>({
      kind: 'audio.import',
      subject: path.basename(source),
      worker: worker('import'),
      input,
      finish: (result) => {
        const { format: _format, ...asset } = result;
        // The same file imported again gives back the asset already there (see AssetStore.add).
        return this.library.assets.add({ ...asset, role }, actor);
      },
    });
  }

  /** Peaks of a source, computed in a job (and stored) if it came in without them (e.g. a recording). */
  async sourcePeaks(asset: Asset): Promise<Peaks> {
    const cached = this.peaksCache.get(asset.sha256);
    if (cached) return cached;
    const file = peaksPath(this.dataDir, asset.sha256);
    if (!fs.existsSync(file)) {
      await this.jobs.run({ kind: 'audio.peaks', subject: asset.name, worker: worker('peaks'), input: { source: this.abs(asset.file), target: file } });
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
      await this.jobs.run({ kind: 'audio.preview', subject: asset.name, worker: worker('render'), input });
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
        : { sourceFile: this.abs(this.library.assets.get(ref.assetId!).file) };
    return this.jobs.run<'audio.loudness', MeasureInput>({ kind: 'audio.loudness', worker: worker('measure'), input });
  }

  /** Measures an asset's file as a job (before it is sent); its figures are then stored with it. */
  async measureAsset(asset: Asset): Promise<Asset> {
    const loudness = await this.jobs.run({ kind: 'audio.loudness', subject: asset.name, worker: worker('file-tools'), input: { tool: 'loudness', path: this.abs(asset.file) } });
    return this.library.assets.setLoudness(asset.id, loudness);
  }

  loudnessFile(file: string): Promise<LoudnessResult> {
    return this.jobs.run({ kind: 'audio.loudness', subject: path.basename(file), worker: worker('file-tools'), input: { tool: 'loudness', path: path.resolve(file) } });
  }

  normalizeFile(input: { input: string; output: string; target: number; ceiling: number; bitrate: number }): JobInfo<'audio.normalizeFile'> {
    if (!fs.existsSync(path.dirname(path.resolve(input.output)))) {
      throw new StudioError('not_found', `folder ${path.dirname(input.output)} does not exist`, { reason: 'folder_missing', path: path.dirname(input.output) });
    }
    return this.jobs.start({
      kind: 'audio.normalizeFile',
      subject: path.basename(input.input),
      worker: worker('file-tools'),
      input: { tool: 'normalize', ...input, input: path.resolve(input.input), output: path.resolve(input.output) },
    });
  }

  normalize(documentId: number, preset: 'broadcast' | 'outdoor' | 'custom', target?: number, ceiling?: number): JobInfo<'audio.normalize'> {
    const chosen = preset === 'custom' ? { target, ceiling: ceiling ?? -1 } : NORMALIZE_PRESETS[preset];
    if (chosen.target === undefined) throw new StudioError('invalid_argument', 'custom preset needs a target (LUFS)', { reason: 'target_missing', field: 'target' });
    const { asset, timeline } = this.edits.load(documentId);
    const input: NormalizeInput = { sourceFile: this.abs(asset.file), timeline, target: chosen.target, ceiling: chosen.ceiling };
    return this.jobs.start<'audio.normalize', NormalizeInput, NormalizeOutput>({
      kind: 'audio.normalize',
      subject: asset.name,
      worker: worker('normalize'),
      input,
      // the result becomes an undoable `normalize` edit (gain + true-peak limiter on render)
      finish: (out): NormalizeResult => {
        this.edits.push(
          documentId,
          { type: 'normalize', gainDb: out.gainDb, ceilingDb: chosen.ceiling, target: chosen.target! },
          { type: 'normalize', gainDb: out.gainDb, ceilingDb: chosen.ceiling },
        );
        return { ...out, document: this.edits.get(documentId) };
      },
    });
  }

  export(req: ExportRequest): JobInfo<'audio.export'> {
    const outPath = path.resolve(req.outPath);
    if (!fs.existsSync(path.dirname(outPath))) {
      throw new StudioError('not_found', `folder ${path.dirname(outPath)} does not exist`, { reason: 'folder_missing', path: path.dirname(outPath) });
    }
    const sink = {
      path: outPath,
      format: req.format,
      sampleRate: req.sampleRate,
      bitrate: req.bitrate,
      bext: true,
      wavFormat: 'pcm24' as const,
    };
    if (req.programmeId !== undefined) return this.programmes.export(req.programmeId, sink, req);
    const { asset, timeline } = this.edits.load(req.documentId!);
    const tags = { title: req.title ?? asset.name, author: req.author, album: req.album, comment: req.comment, language: req.language };
    const input: RenderInput = { kind: 'document', sourceFile: this.abs(asset.file), timeline, sink: { ...sink, tags } };
    return this.jobs.start<'audio.export', RenderInput, SinkResult>({ kind: 'audio.export', subject: path.basename(outPath), worker: worker('render'), input });
  }

  /** The programme with its planned length (the renderer's plan) and its current render, if any. */
  withRender(programme: Programme): Programme {
    return this.programmes.withRender(programme);
  }

  renderProgramme(programmeId: number, settings: Partial<ProgrammeMixSettings>, actor: string): JobInfo<'programme.render'> {
    return this.programmes.render(programmeId, settings, actor);
  }
}
