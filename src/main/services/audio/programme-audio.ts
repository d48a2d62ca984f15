/**
 * A programme's audio: the sources of its items (each bulletin's edited audio, jingles, beds),
 * its plan with their exact lengths, its render (normalised to the programme's preset) and its
 * export. The length the studio shows for a programme comes from here, from the same plan the
 * renderer mixes by (src/shared/audio/programme-plan.ts).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ExportResult, RenderedProgramme } from '../../../shared/api/audio.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { clearedForAir, PROGRAMME_CEILING_DB, type Programme, type ProgrammeMixSettings } from '../../../shared/api/library-types.ts';
import { PROGRAMME_RATE } from '../../../shared/audio/programme-plan.ts';
import { StudioError } from '../../../shared/errors.ts';
import { workerUrl, type JobManager } from '../jobs/index.ts';
import { withPlan, type Library } from '../library/index.ts';
import { initialTimeline, timelineLength, type Timeline } from './edit-list.ts';
import { sourceFrames, type EditStore } from './edit-store.ts';
import type { SinkResult } from './export-sink.ts';
import type { ProgrammeRenders } from './programme-renders.ts';
import type { RenderInput } from './render-jobs.ts';

type ProgrammeInput = Extract<RenderInput, { kind: 'programme' }>;
type Sink = ProgrammeInput['sink'];

interface ItemSource {
  sourceFile: string;
  timeline: Timeline;
  /** Frames at the plan's rate, exactly as the renderer's resampler makes them. */
  frames: number;
}

export interface ProgrammeAudioDeps {
  dataDir: string;
  library: Library;
  jobs: JobManager;
  edits: EditStore;
  renders: ProgrammeRenders;
}

export class ProgrammeAudio {
  constructor(private readonly deps: ProgrammeAudioDeps) {}

  /** The audio an item plays (its edit, if it has one), or null for a bulletin without audio yet. */
  private source(item: Programme['items'][number]): ItemSource | null {
    const { library, edits, dataDir } = this.deps;
    const assetId = item.bulletinId !== null ? library.bulletins.get(item.bulletinId).audioAssetId : item.assetId;
    if (assetId === null) return null;
    const asset = library.assets.get(assetId);
    const docId = edits.documentOf(assetId);
    const timeline = docId !== undefined ? edits.load(docId).timeline : initialTimeline(sourceFrames(asset));
    // The renderer's resampler gives ceil(frames × out / in) frames (StreamingResampler.outputLength).
    const frames = Math.ceil((timelineLength(timeline) * PROGRAMME_RATE) / asset.sampleRate);
    return { sourceFile: path.join(dataDir, asset.file), timeline, frames };
  }

  /** What a render depends on: the library's signature (items, order, assets, settings) and every item's edit. */
  private signature(programme: Programme): string {
    const edits = createHash('sha256');
    for (const item of programme.items) edits.update(JSON.stringify(this.source(item)?.timeline ?? null));
    return `${this.deps.library.programmes.renderSignature(programme.id)}|${edits.digest('hex').slice(0, 16)}`;
  }

  /**
   * The programme with its plan made from its items' exact (edited) lengths, and its last render
   * when that was made from exactly these items and settings.
   */
  withRender(programme: Programme): Programme {
    const frames = new Map(programme.items.map((item) => [item.id, this.source(item)?.frames ?? Math.round(item.durationSec * PROGRAMME_RATE)]));
    const exact = programme.items.map((item) => (item.durationEstimated ? item : { ...item, durationSec: Math.round((frames.get(item.id)! / PROGRAMME_RATE) * 1000) / 1000 }));
    const { items, totalSec } = withPlan(exact, programme.mix, (item) => frames.get(item.id)!);
    const planned = { ...programme, items, totalSec, exceedsCap: totalSec > programme.capMinutes * 60 };
    const render = this.deps.renders.current(programme.id, this.signature(programme));
    return { ...planned, rendered: render };
  }

  /** The render job's input: refused with a coded error while an item cannot be rendered. */
  private input(programmeId: number, sink: Sink): { input: ProgrammeInput; signature: string; programme: Programme } {
    const programme = this.deps.library.programmes.get(programmeId);
    if (programme.items.length === 0) throw new StudioError('invalid_argument', 'the programme has no items', { reason: 'programme_empty', programmeId });
    const drafts = programme.items.filter((item) => !clearedForAir(item.bulletinStatus));
    if (drafts.length > 0) {
      throw new StudioError('conflict', `${drafts.length} bulletin(s) not approved`, {
        reason: 'programme_has_unapproved',
        count: drafts.length,
        titles: drafts.map((item) => item.label).join(', '),
        itemIds: drafts.map((item) => item.id),
      });
    }
    const items = programme.items.map((item) => {
      const source = this.source(item);
      if (!source) throw new StudioError('conflict', 'the bulletin has no audio yet', { reason: 'bulletin_without_audio', title: item.label });
      return { kind: item.kind, sourceFile: source.sourceFile, timeline: source.timeline };
    });
    const { mix } = programme;
    return {
      programme,
      signature: this.signature(programme),
      input: {
        kind: 'programme',
        items,
        mix: { sampleRate: PROGRAMME_RATE, channels: 2, gapSec: mix.gapSec, crossfadeSec: mix.crossfadeSec, duckDb: mix.duckDb },
        loudness: { targetLufs: mix.presetLufs, ceilingDb: PROGRAMME_CEILING_DB, normalizeItems: mix.normalizeItems },
        // Planned and rendered at one rate; an export at another is converted by the sink, after the mix.
        sink,
      },
    };
  }

  tags(programme: Programme, req: { title?: string; author?: string; album?: string; comment?: string; language?: string }) {
    return { title: req.title ?? programme.title, author: req.author, album: req.album ?? programme.title, comment: req.comment ?? programme.notes.slice(0, 500), language: req.language };
  }

  /** Renders the programme into the data folder, normalised to its preset; a job. Settings given are saved first. */
  render(programmeId: number, settings: Partial<ProgrammeMixSettings>, actor: string): JobInfo<'programme.render'> {
    if (Object.values(settings).some((v) => v !== undefined)) this.deps.library.programmes.update(programmeId, { mix: settings }, actor);
    const media = path.join('renders', `programme-${programmeId}.wav`);
    const programme = this.deps.library.programmes.get(programmeId);
    const sink: Sink = { path: path.join(this.deps.dataDir, media), format: 'wav', sampleRate: PROGRAMME_RATE, wavFormat: 'pcm16', bext: true, tags: this.tags(programme, {}) };
    const { input, signature } = this.input(programmeId, sink);
    return this.deps.jobs.start<'programme.render', RenderInput, SinkResult>({
      kind: 'programme.render',
      subject: programme.title,
      worker: workerUrl('audio/render.worker.ts'),
      input,
      finish: (r): RenderedProgramme => {
        const where = media.split(path.sep).join('/');
        this.deps.renders.record(programmeId, { media: where, durationSec: r.durationSec, signature, loudness: r.loudness });
        this.deps.library.programmes.touched(programmeId);
        return { programmeId, media: where, durationSec: r.durationSec, loudness: r.loudness };
      },
    });
  }

  /** Renders the programme straight into an export file (MP3 or BWF), normalised like a render; a job. */
  export(programmeId: number, sink: Omit<Sink, 'tags'>, req: Parameters<ProgrammeAudio['tags']>[1]): JobInfo<'audio.export'> {
    const programme = this.deps.library.programmes.get(programmeId);
    const { input } = this.input(programmeId, { ...sink, tags: this.tags(programme, req) });
    return this.deps.jobs.start<'audio.export', RenderInput, SinkResult>({
      kind: 'audio.export',
      subject: path.basename(sink.path),
      worker: workerUrl('audio/render.worker.ts'),
      input,
      finish: (r): ExportResult => r,
    });
  }
}
