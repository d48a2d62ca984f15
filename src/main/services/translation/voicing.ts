/**
 * Voicing a translation (issue 12 §9): takes recorded segment by segment, and the target
 * bulletin's audio assembled from them, with the segments nobody recorded spoken by a voice of the
 * target language. The assembly is a job: synthesis (TTS jobs), the mix (a job through the audio
 * service's face), the import of the result as an asset, and the bulletin pointed at it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NORMALIZE_PRESETS } from '../../../shared/api/audio.ts';
import type { JobInfo, JobKind, JobResults } from '../../../shared/api/jobs.ts';
import type { Bulletin } from '../../../shared/api/library-types.ts';
import { TtsSettings, type Voice } from '../../../shared/api/tts.ts';
import { StudioError } from '../../../shared/errors.ts';
import {
  canonicalLanguageCode,
  VOICING_GAPS,
  type AssembledPiece,
  type SegmentTake,
  type TargetVoice,
  type Translation,
  type TranslationAssembleResult,
  type TranslationSegment,
  type TranslationVoicing,
} from '../../../shared/translation/index.ts';
import { workerUrl, type JobManager } from '../jobs/index.ts';
import type { Takes } from './takes.ts';
import type { MixInput } from './voicing-mix.ts';

const MIX_WORKER = workerUrl('translation/voicing-mix.worker.ts');
/** Where an assembly works; a `.part` folder, so a crash's leftovers are swept at the next start. */
const WORK_DIR = 'voicing';
/** Segment numbers named in a refusal. */
const LISTED = 12;

export interface VoicingDeps {
  jobs: JobManager;
  dataDir: string;
  /** The studio's voices (the TTS face). */
  voices: () => Voice[];
  /** Speaks a text into a WAV file (the TTS face's synthesis with an output path). */
  synthesize: (arg: { voiceId: string; text: string; outPath: string; settings: TtsSettings }, actor: string) => JobInfo<'tts.synthesize'>;
  /** The one import path (the audio face): the assembled WAV becomes a library asset. */
  importAudio: (file: string, name: string, actor: string) => JobInfo<'audio.import'>;
}

interface Access {
  takes: Takes;
  translation: (id: number) => Translation;
  /** The translation's target bulletin, refused when there is none or it was delivered. */
  target: (id: number) => Bulletin;
  /** Points the bulletin at its new audio: the one place the assembly sets a bulletin's audio. */
  setBulletinAudio: (bulletinId: number, assetId: number, actor: string) => void;
}

/** Voices that speak `language` (codes compared canonically: "vi" is "vie"), installed packs first. */
export function voicesFor(voices: readonly Voice[], language: string): TargetVoice[] {
  const code = canonicalLanguageCode(language);
  return voices
    .filter((v) => v.languages.some((l) => canonicalLanguageCode(l) === code))
    .sort((a, b) => Number(a.source === 'builtin') - Number(b.source === 'builtin'))
    .map((v) => ({ id: v.id, name: v.name }));
}

interface PlannedPiece {
  segment: TranslationSegment;
  take: SegmentTake | null;
  gapAfterSec: number;
}

/** The pieces in script order: every segment with a take or a text; the pause after each. */
export function planPieces(segments: readonly TranslationSegment[], takes: readonly SegmentTake[]): PlannedPiece[] {
  const takeOf = new Map(takes.map((t) => [t.index, t]));
  const voiced = segments.filter((s) => takeOf.has(s.index) || s.target.trim() !== '');
  return voiced.map((segment, i) => {
    const next = voiced[i + 1];
    const sameParagraph = next !== undefined && segment.kind === 'sentence' && next.kind === 'sentence' && (segment.paragraph ?? 0) === (next.paragraph ?? 0);
    return { segment, take: takeOf.get(segment.index) ?? null, gapAfterSec: next === undefined ? 0 : sameParagraph ? VOICING_GAPS.sentenceSec : VOICING_GAPS.paragraphSec };
  });
}

export function createVoicing(deps: VoicingDeps | undefined, access: Access) {
  const running = new Set<number>();
  const need = (): VoicingDeps => {
    if (!deps) throw new StudioError('internal', 'translation service opened without voicing');
    return deps;
  };

  return {
    view(id: number, translation: Translation): TranslationVoicing {
      return { takes: access.takes.list(id, translation.segments), voices: deps ? voicesFor(deps.voices(), translation.to) : [] };
    },

    /**
     * Starts the assembly of the target bulletin's audio (a job). Refused at once, with how many
     * segments are missing, when a segment has neither a take nor a voice to speak it.
     */
    assemble(id: number, actor: string, voiceId?: string | null): JobInfo<'translation.assemble'> {
      const { jobs, dataDir, voices: installed } = need();
      const translation = access.translation(id);
      const bulletin = access.target(id);
      const takes = access.takes.list(id, translation.segments);
      const pieces = planPieces(translation.segments, takes);
      if (pieces.length === 0) throw new StudioError('invalid_argument', 'nothing to voice', { reason: 'translation_nothing_to_voice' });
      const all = installed();
      const voices = voicesFor(all, translation.to);
      if (typeof voiceId === 'string' && !all.some((v) => v.id === voiceId)) {
        throw new StudioError('not_found', `no voice ${voiceId}`, { reason: 'voice_unknown', id: voiceId });
      }
      const voice = voiceId === undefined ? (voices[0]?.id ?? null) : voiceId;
      const unvoiced = pieces.filter((p) => !p.take);
      if (voice === null && unvoiced.length > 0) {
        throw new StudioError('conflict', `${unvoiced.length} segments have neither a take nor a voice`, {
          reason: 'translation_segments_unvoiced',
          missing: unvoiced.length,
          total: pieces.length,
          // The first few, as the editor sees them numbered (a long bulletin would list dozens).
          segments: unvoiced.slice(0, LISTED).map((p) => p.segment.index + 1).join(', ') + (unvoiced.length > LISTED ? ', …' : ''),
          language: translation.to,
        });
      }
      if (running.has(id)) throw new StudioError('conflict', `translation ${id} is being assembled`, { reason: 'translation_assembly_running' });
      running.add(id);
      const work = path.join(dataDir, WORK_DIR, `assemble-${randomUUID()}.part`);
      try {
        return jobs.startTask({
          kind: 'translation.assemble',
          subject: bulletin.title,
          run: (report, signal) =>
            run({ id, bulletin, pieces, voice: unvoiced.length > 0 ? voice : null, work, actor }, report, signal).finally(() => {
              running.delete(id);
              fs.rmSync(work, { recursive: true, force: true });
            }),
        });
      } catch (error) {
        running.delete(id);
        throw error;
      }
    },
  };

  async function run(
    plan: { id: number; bulletin: Bulletin; pieces: PlannedPiece[]; voice: string | null; work: string; actor: string },
    report: (progress: number | null, message: string) => void,
    signal: AbortSignal,
  ): Promise<TranslationAssembleResult> {
    const { jobs, synthesize, importAudio, dataDir } = need();
    const { pieces, voice, work, actor } = plan;
    fs.mkdirSync(work, { recursive: true });
    const live = new Set<JobInfo>();
    let stopped = false;
    const stopAll = () => {
      stopped = true;
      live.forEach((job) => jobs.cancel(job.id));
    };
    const onAbort = stopAll;
    signal.addEventListener('abort', onAbort);
    /** Runs one step's job, cancelled with the assembly. */
    const step = async <K extends JobKind>(job: JobInfo<K>): Promise<JobResults[K]> => {
      live.add(job);
      if (stopped) jobs.cancel(job.id);
      try {
        return await jobs.result(job);
      } finally {
        live.delete(job);
      }
    };
    const unvoiced = pieces.filter((p) => !p.take);
    const steps = unvoiced.length + 2;
    try {
      // The segments to speak, two at a time: each job's start-up overlaps the other's work.
      const files = new Map<number, string>();
      const queue = [...unvoiced];
      const speakNext = async (): Promise<void> => {
        for (let piece = queue.shift(); piece; piece = queue.shift()) {
          if (stopped) throw new StudioError('cancelled', 'cancelled by the user');
          const outPath = path.join(work, `segment-${piece.segment.index}.wav`);
          const spoken = await step(synthesize({ voiceId: voice!, text: piece.segment.target, outPath, settings: TtsSettings.parse({}) }, actor));
          files.set(piece.segment.index, spoken.file);
          report(files.size / steps, 'synthesising');
        }
      };
      // One failing stops the other, so nothing still writes into the folder when it is removed.
      await Promise.all([speakNext(), speakNext()].map((p) => p.catch((error: unknown) => {
        stopAll();
        throw error;
      })));
      report(unvoiced.length / steps, 'mixing');
      const { target, ceiling } = NORMALIZE_PRESETS.broadcast;
      const input: MixInput = {
        pieces: pieces.map((p) => ({ index: p.segment.index, file: p.take ? path.join(dataDir, p.take.file) : files.get(p.segment.index)!, gapAfterSec: p.gapAfterSec })),
        out: path.join(work, 'assembled.wav'),
        target,
        ceiling,
        sampleRate: 48000,
        title: plan.bulletin.title,
      };
      const mixed = await step(jobs.start({ kind: 'translation.mix', subject: plan.bulletin.title, worker: MIX_WORKER, input }));
      report((unvoiced.length + 1) / steps, 'importing');
      const asset = await step(importAudio(mixed.file, `${plan.bulletin.title}.wav`, actor));
      if (signal.aborted) throw new StudioError('cancelled', 'cancelled by the user');
      access.setBulletinAudio(plan.bulletin.id, asset.id, actor);
      const placed: AssembledPiece[] = mixed.pieces.map((p) => ({ ...p, from: pieces.find((q) => q.segment.index === p.index)!.take ? 'take' : 'voice' }));
      return {
        translationId: plan.id, bulletinId: plan.bulletin.id, assetId: asset.id, file: asset.file, durationSec: asset.durationSec,
        loudness: mixed.loudness, target, voiceId: voice, pieces: placed,
      };
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

export type Voicing = ReturnType<typeof createVoicing>;
