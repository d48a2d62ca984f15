/**
 * A bulletin's audio as one edit document: the source asset it was given (speech, a recording, an
 * imported file; see the library's `bulletins.setAudio`) with the edits made to it in the editor.
 * Delivery and programme renders read it through `bulletinAudio`, so what is delivered is what the
 * editor hears; `renderBulletin` makes the file that goes out.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NORMALIZE_PRESETS, type LoudnessResult } from '../../../shared/api/audio.ts';
import type { Asset, AudioOrigin, Bulletin } from '../../../shared/api/library-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { JobManager } from '../jobs/index.ts';
import type { Library } from '../library/index.ts';
import { initialTimeline, type Timeline } from './edit-list.ts';
import { sourceFrames, type EditStore } from './edit-store.ts';
import type { SinkResult } from './export-sink.ts';
import type { BulletinRenderInput } from './render-jobs.ts';

export type LoudnessPreset = keyof typeof NORMALIZE_PRESETS;

export interface BulletinAudio {
  bulletin: Bulletin;
  asset: Asset;
  origin: AudioOrigin | null;
  /** The script was edited after the audio was made (approval is refused until dealt with). */
  stale: boolean;
  /** The edit document over the asset, null while nobody has opened it in the editor. */
  documentId: number | null;
  /** The edited timeline (the source as it is when there is no document or no edit). */
  timeline: Timeline;
  /** Whether any edit is active: otherwise the source file itself is the audio. */
  edited: boolean;
  /** The preset of the document's last normalise edit (by its target), if it has one. */
  normalisedTo: { target: number; ceiling: number } | null;
}

/** The file that goes out for a bulletin: the source as it is, or its edit rendered. */
export interface DeliveredAudio {
  /** Relative to the data folder. */
  file: string;
  name: string;
  sha256: string;
  bytes: number;
  sampleRate: number;
  channels: number;
  durationSec: number;
  loudness: Asset['loudness'];
}

export class BulletinAudioFiles {
  constructor(
    private readonly deps: { dataDir: string; library: Library; jobs: JobManager; edits: EditStore; workerUrl: URL },
  ) {}

  /** The bulletin's audio, edits included; a coded refusal when it has none. */
  get(bulletinId: number): BulletinAudio {
    const bulletin = this.deps.library.bulletins.get(bulletinId);
    if (bulletin.audioAssetId === null) {
      throw new StudioError('conflict', `bulletin ${bulletinId} has no audio yet`, { reason: 'bulletin_without_audio', bulletinId, title: bulletin.title });
    }
    const asset = this.deps.library.assets.get(bulletin.audioAssetId);
    const documentId = this.deps.edits.documentOf(asset.id) ?? null;
    const loaded = documentId === null ? null : this.deps.edits.load(documentId);
    const ops = loaded?.doc.ops ?? [];
    const lastNormalise = ops.filter((op) => op.type === 'normalize').at(-1);
    return {
      bulletin,
      asset,
      origin: bulletin.audioOrigin,
      stale: bulletin.audioStale,
      documentId,
      timeline: loaded?.timeline ?? initialTimeline(sourceFrames(asset)),
      edited: ops.length > 0,
      normalisedTo: lastNormalise && 'target' in lastNormalise ? { target: lastNormalise.target, ceiling: lastNormalise.ceilingDb } : null,
    };
  }

  /**
   * The file to deliver. Unedited audio with no preset asked for goes as it is; otherwise the edit
   * is rendered (into `deliveries/`, once per edit and preset) and, when a preset is given,
   * normalised to it (replacing the edit's own normalise; the editor's −16 stays when none is given).
   */
  async render(bulletinId: number, preset?: LoudnessPreset): Promise<DeliveredAudio> {
    const audio = this.get(bulletinId);
    const { asset } = audio;
    if (!audio.edited && preset === undefined) return { ...asset };
    const loudness = preset === undefined ? null : NORMALIZE_PRESETS[preset];
    const key = createHash('sha256').update(JSON.stringify([asset.sha256, audio.timeline, loudness])).digest('hex').slice(0, 20);
    const rel = path.join('deliveries', `bulletin-${bulletinId}-${key}.wav`);
    const abs = path.join(this.deps.dataDir, rel);
    const sidecar = `${abs}.json`;
    const known = readSidecar(sidecar);
    if (known && fs.existsSync(abs)) {
      // Used again now: the delivery files' clean-up (delivery/prune-files.ts) judges age by the file's time.
      const now = new Date();
      fs.utimesSync(abs, now, now);
      fs.utimesSync(sidecar, now, now);
      return known;
    }
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const input: BulletinRenderInput = {
      sourceFile: path.join(this.deps.dataDir, asset.file),
      timeline: audio.timeline,
      loudness,
      sink: { path: abs, format: 'wav', sampleRate: asset.sampleRate, wavFormat: 'pcm16', bext: true, tags: { title: audio.bulletin.title, author: audio.bulletin.author } },
    };
    const result = await this.deps.jobs.run<'audio.renderBulletin', BulletinRenderInput, SinkResult>({
      kind: 'audio.renderBulletin',
      subject: audio.bulletin.title,
      worker: this.deps.workerUrl,
      input,
    });
    const delivered: DeliveredAudio = {
      file: rel.split(path.sep).join('/'),
      name: `${path.parse(asset.name).name}.wav`,
      sha256: await sha256Of(abs),
      bytes: result.bytes,
      sampleRate: result.sampleRate,
      channels: asset.channels,
      durationSec: result.durationSec,
      loudness: toAssetLoudness(result.loudness),
    };
    // Written after the file is complete: a sidecar always describes a whole render.
    fs.writeFileSync(`${sidecar}.tmp`, JSON.stringify(delivered));
    fs.renameSync(`${sidecar}.tmp`, sidecar);
    return delivered;
  }
}

const toAssetLoudness = (l: LoudnessResult): Asset['loudness'] => ({
  integratedLufs: l.integrated,
  rangeLu: l.range,
  truePeakDbtp: l.truePeak,
  measuredAt: new Date().toISOString(),
});

function readSidecar(file: string): DeliveredAudio | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DeliveredAudio;
  } catch {
    return null;
  }
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
