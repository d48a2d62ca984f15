/**
 * Loudness of a programme render: each item brought to the programme's preset (per-item
 * normalisation, so a loud jingle and a quiet interview sit together), then the finished mix
 * measured and given the make-up gain that lands it on the preset, with the true-peak limiter
 * holding the ceiling. Limiting costs loudness, so where the limiter works the mix is measured
 * again through it and the gain corrected, as the document normaliser does.
 */
import type { JobTools } from '../jobs/index.ts';
import { LoudnessMeter } from './loudness.ts';
import { TruePeakLimiter } from './limiter.ts';
import { ProgrammeMix, type MixOptions, type PlanItem } from './programme-mix.ts';
import { renderTimeline } from './render.ts';

type Job = Pick<JobTools, 'progress' | 'checkCancelled'>;

export interface ProgrammeLoudness {
  /** The programme's preset, LUFS (−23 broadcast, −16 outdoor loudspeakers). */
  targetLufs: number;
  /** True-peak ceiling, dBTP. */
  ceilingDb: number;
  /** Bring every item to the preset before mixing. */
  normalizeItems: boolean;
}

export interface MasterStage {
  gainDb: number;
  ceilingDb: number;
}

/** Where in the job's progress the written pass starts (the measuring passes come before). */
export const WRITE_FROM = 0.6;
const ITEMS_UNTIL = 0.15;
/** Off by more than this after limiting, the gain is corrected and measured again. */
const TOLERANCE_LU = 0.2;
const MAX_CORRECTIONS = 2;

/** The items with their gains and the master stage that puts the mix on the preset. */
export function planProgrammeLoudness(items: PlanItem[], mix: MixOptions, loudness: ProgrammeLoudness, job: Job): { items: PlanItem[]; stage: MasterStage } {
  const gained = loudness.normalizeItems ? items.map((item, i) => ({ ...item, gainDb: itemGain(item, loudness.targetLufs, job, (f) => job.progress(((i + f) / items.length) * ITEMS_UNTIL, 'measuring')) })) : items;
  const step = (from: number, to: number) => (f: number) => {
    job.checkCancelled();
    job.progress(from + f * (to - from), 'measuring');
  };
  const plain = measureMix(gained, mix, null, step(ITEMS_UNTIL, 0.35));
  if (plain.integrated === null) return { items: gained, stage: { gainDb: 0, ceilingDb: loudness.ceilingDb } };
  const stage = { gainDb: loudness.targetLufs - plain.integrated, ceilingDb: loudness.ceilingDb };
  // Under the ceiling the limiter does nothing and a plain gain lands exactly on the preset.
  if (plain.truePeak === null || plain.truePeak + stage.gainDb <= loudness.ceilingDb - 0.3) return { items: gained, stage };
  for (let pass = 0; pass < MAX_CORRECTIONS; pass++) {
    const from = 0.35 + ((WRITE_FROM - 0.35) * pass) / MAX_CORRECTIONS;
    const limited = measureMix(gained, mix, stage, step(from, from + (WRITE_FROM - 0.35) / MAX_CORRECTIONS));
    if (limited.integrated === null || Math.abs(loudness.targetLufs - limited.integrated) <= TOLERANCE_LU) break;
    stage.gainDb += loudness.targetLufs - limited.integrated;
  }
  return { items: gained, stage };
}

/** Runs the mix through the master stage (gain + true-peak limiter) into `sink`, exactly as long as the mix. */
export function mixThrough(mix: ProgrammeMix, stage: MasterStage | null, sink: (block: Float32Array[]) => void, progress: (fraction: number) => void): void {
  const limiter = stage ? new TruePeakLimiter(mix.options.sampleRate, mix.options.channels, stage) : null;
  for (const block of mix.blocks(progress)) {
    const out = limiter ? limiter.process(block) : block;
    if (out[0]!.length > 0) sink(out);
  }
  if (limiter) {
    const tail = limiter.flush();
    if (tail[0]!.length > 0) sink(tail);
  }
}

function measureMix(items: PlanItem[], options: MixOptions, stage: MasterStage | null, progress: (fraction: number) => void) {
  const meter = new LoudnessMeter(options.sampleRate, options.channels);
  mixThrough(new ProgrammeMix(items, options), stage, (block) => meter.add(block), progress);
  return meter.result();
}

/** The gain that brings one item (its edited audio, without its own master stage) to the target. */
function itemGain(item: PlanItem, target: number, job: Job, progress: (fraction: number) => void): number {
  const meter = new LoudnessMeter(item.source.sampleRate, item.source.channels);
  renderTimeline({ ...item.timeline, master: null }, item.source, (block) => meter.add(block), (f) => {
    job.checkCancelled();
    progress(f);
  });
  const integrated = meter.result().integrated;
  return integrated === null ? 0 : target - integrated;
}
