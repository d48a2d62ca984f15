/**
 * The bodies of the audio jobs (export, preview, programme render, loudness, normalise), as plain
 * functions so the CLI, the benchmark and the tests can run them in-process too.
 */
import type { LoudnessResult } from '../../../shared/api/audio.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { JobTools } from '../jobs/index.ts';
import { timelineLength, type Timeline } from './edit-list.ts';
import { ExportSink, type SinkOptions, type SinkResult } from './export-sink.ts';
import { LoudnessMeter } from './loudness.ts';
import { ProgrammeMix, type MixOptions, type PlanItem } from './programme-mix.ts';
import { mixThrough, planProgrammeLoudness, WRITE_FROM, type ProgrammeLoudness } from './programme-loudness.ts';
import { renderTimeline } from './render.ts';
import { WavReader } from './wav-reader.ts';

type Job = Pick<JobTools, 'progress' | 'checkCancelled'>;

export type RenderInput =
  | { kind: 'document'; sourceFile: string; timeline: Timeline; sink: Omit<SinkOptions, 'inputRate' | 'channels'> }
  | {
      kind: 'programme';
      items: { kind: PlanItem['kind']; sourceFile: string; timeline: Timeline }[];
      mix: MixOptions;
      /** The programme's loudness preset: the whole is normalised to it under the true-peak ceiling. */
      loudness: ProgrammeLoudness;
      sink: Omit<SinkOptions, 'inputRate' | 'channels'>;
    };

/**
 * The audio about to be written, for a look before it is: `frames` at `rate`, fed block by block
 * exactly as the sink will get it (the encoder's loudness shift is probed on it, mp3-loudness.ts).
 */
export interface RenderProbe {
  rate: number;
  channels: number;
  frames: number;
  feed(take: (block: Float32Array[]) => void): void;
}

/**
 * Renders into the sink. `tune`, when given, sees the audio first and returns a gain (dB) that is
 * added to the master stage before the written pass (documents without one are left as they are).
 */
export async function runRender(input: RenderInput, job: Job, tune?: (probe: RenderProbe) => Promise<number>): Promise<SinkResult> {
  const readers: WavReader[] = [];
  let sink: ExportSink | null = null;
  const check = () => job.checkCancelled();
  try {
    if (input.kind === 'document') {
      const reader = WavReader.open(input.sourceFile);
      readers.push(reader);
      let timeline = input.timeline;
      if (tune && timeline.master) {
        const probed = timeline;
        const extra = await tune({ rate: reader.sampleRate, channels: reader.channels, frames: timelineLength(probed), feed: (take) => renderTimeline(probed, reader, take, check) });
        timeline = { ...timeline, master: { ...timeline.master, gainDb: timeline.master.gainDb + extra } };
      }
      sink = await ExportSink.open({ ...input.sink, inputRate: reader.sampleRate, channels: reader.channels });
      const out = sink;
      renderTimeline(timeline, reader, (block) => out.write(block), (f) => {
        job.checkCancelled();
        job.progress(f * 0.99, 'rendering');
      });
    } else {
      if (input.items.length === 0) throw new StudioError('invalid_argument', 'the programme has no items', { reason: 'programme_empty' });
      const items = input.items.map((item) => {
        const reader = WavReader.open(item.sourceFile);
        readers.push(reader);
        return { kind: item.kind, timeline: item.timeline, source: reader };
      });
      const master = planProgrammeLoudness(items, input.mix, input.loudness, job);
      if (tune) {
        const frames = new ProgrammeMix(master.items, input.mix).frames;
        const feed = (take: (block: Float32Array[]) => void) => mixThrough(new ProgrammeMix(master.items, input.mix), master.stage, take, check);
        master.stage.gainDb += await tune({ rate: input.mix.sampleRate, channels: input.mix.channels, frames, feed });
      }
      const mix = new ProgrammeMix(master.items, input.mix);
      sink = await ExportSink.open({ ...input.sink, inputRate: input.mix.sampleRate, channels: input.mix.channels });
      const out = sink;
      mixThrough(mix, master.stage, (block) => out.write(block), (f) => {
        job.checkCancelled();
        job.progress(WRITE_FROM + f * (0.99 - WRITE_FROM), 'mixing');
      });
    }
    return sink.finish();
  } catch (error) {
    sink?.abort();
    throw error;
  } finally {
    for (const r of readers) r.close();
  }
}

export interface MeasureInput {
  sourceFile: string;
  /** The edited timeline; without it the source as it is. */
  timeline?: Timeline;
}

export function runMeasure({ sourceFile, timeline }: MeasureInput, job: Job): LoudnessResult {
  const reader = WavReader.open(sourceFile);
  try {
    const meter = new LoudnessMeter(reader.sampleRate, reader.channels);
    if (timeline) {
      renderTimeline(timeline, reader, (block) => meter.add(block), (f) => {
        job.checkCancelled();
        job.progress(f, 'measuring');
      });
    } else {
      let done = 0;
      for (const block of reader.blocks()) {
        job.checkCancelled();
        meter.add(block);
        done += block[0]!.length;
        job.progress(done / Math.max(1, reader.frames), 'measuring');
      }
    }
    return meter.result();
  } finally {
    reader.close();
  }
}

export interface NormalizeInput {
  sourceFile: string;
  timeline: Timeline;
  target: number;
  ceiling: number;
}

export interface NormalizeOutput {
  gainDb: number;
  before: LoudnessResult;
  after: LoudnessResult;
}

/** The limiter acts from 0.15 dB under the ceiling (limiter.ts); 0.1 dB more covers the meter's rounding. */
const LIMITER_QUIET_MARGIN_DB = 0.25;

/**
 * Finds the make-up gain for the document: measure it, then render with gain + limiter and
 * correct the gain until the result lands within 0.05 LU of the target (limiting costs loudness).
 */
export function runNormalize({ sourceFile, timeline, target, ceiling }: NormalizeInput, job: Job): NormalizeOutput {
  const plain: Timeline = { ...timeline, master: null };
  const passes = 4;
  const before = runMeasure({ sourceFile, timeline: plain }, { progress: (f) => job.progress((f ?? 0) / (passes + 1), 'measuring'), checkCancelled: job.checkCancelled });
  if (before.integrated === null) throw new StudioError('invalid_argument', 'the audio is silent, nothing to normalise', { reason: 'audio_silent' });
  let gainDb = target - before.integrated;
  // When the gained true peak stays under where the limiter starts to act, the limiter passes the
  // audio through untouched: loudness and peak move by exactly the gain, and the render that applies
  // it (export, or the document's master) is the only pass left. No verification render is needed.
  if (before.truePeak !== null && before.truePeak + gainDb <= ceiling - LIMITER_QUIET_MARGIN_DB) {
    job.progress(1, 'normalising');
    const moved = (value: number) => Math.round((value + gainDb) * 100) / 100;
    return { gainDb: Math.round(gainDb * 1000) / 1000, before, after: { integrated: target, range: before.range, truePeak: moved(before.truePeak) } };
  }
  let after = before;
  for (let pass = 1; pass <= passes; pass++) {
    const step = (f: number | null) => job.progress((pass + (f ?? 0)) / (passes + 1), 'normalising');
    after = runMeasure({ sourceFile, timeline: { ...plain, master: { gainDb, ceilingDb: ceiling } } }, { progress: step, checkCancelled: job.checkCancelled });
    if (after.integrated === null || Math.abs(target - after.integrated) <= 0.05) break;
    gainDb += target - after.integrated;
  }
  return { gainDb: Math.round(gainDb * 1000) / 1000, before, after };
}

export interface BulletinRenderInput {
  sourceFile: string;
  timeline: Timeline;
  /** Normalise to this first (the timeline's own normalise edit is then replaced); null: as edited. */
  loudness: { target: number; ceiling: number } | null;
  sink: Omit<SinkOptions, 'inputRate' | 'channels'>;
}

/** A bulletin's edit rendered for delivery: normalised to the chosen preset when one is given. */
export async function runBulletinRender(input: BulletinRenderInput, job: Job): Promise<SinkResult> {
  let timeline = input.timeline;
  if (input.loudness) {
    const { target, ceiling } = input.loudness;
    const half = (offset: number) => ({ progress: (f: number | null) => job.progress(offset + (f ?? 0) / 2, 'normalising'), checkCancelled: job.checkCancelled });
    const { gainDb } = runNormalize({ sourceFile: input.sourceFile, timeline, target, ceiling }, half(0));
    timeline = { ...timeline, master: { gainDb, ceilingDb: ceiling } };
    return runRender({ kind: 'document', sourceFile: input.sourceFile, timeline, sink: input.sink }, half(0.5));
  }
  return runRender({ kind: 'document', sourceFile: input.sourceFile, timeline, sink: input.sink }, job);
}
