/**
 * The signal work of assembling a translation's audio, through the audio service's face (its
 * meter, programme mix, normaliser and renderer; no DSP of its own): each piece (a take or a
 * synthesised segment) is measured and given the gain that brings it to the target, the pieces are
 * joined in order with their pauses, and the whole is normalised to the target with the usual
 * true-peak ceiling, so takes recorded at any level and the voice sound alike and land on target.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TranslationMixResult } from '../../../shared/api/translation.ts';
import { StudioError } from '../../../shared/errors.ts';
import { initialTimeline, readWavInfoFile, runMeasure, runNormalize, runRender, type RenderInput, type Timeline } from '../audio/index.ts';
import type { JobTools } from '../jobs/index.ts';

type Job = Pick<JobTools, 'progress' | 'checkCancelled'>;

export interface MixPiece {
  index: number;
  /** A WAV file (an asset's file or a synthesised segment), absolute. */
  file: string;
  /** Silence after the piece, seconds. */
  gapAfterSec: number;
}

export interface MixInput {
  pieces: MixPiece[];
  /** The finished WAV, absolute; its folder also takes the intermediate mix. */
  out: string;
  target: number;
  ceiling: number;
  sampleRate: 44100 | 48000;
  title: string;
}

/** Pieces shorter than this are measured repeated up to it (the meter's blocks are 400 ms). */
const MIN_MEASURED_SEC = 1.2;

const framesOf = (file: string) => {
  const info = readWavInfoFile(file);
  return { frames: Math.floor(info.dataBytes / (info.channels * (info.bitsPerSample / 8))), sampleRate: info.sampleRate };
};

export async function mixPieces(input: MixInput, job: Job): Promise<TranslationMixResult> {
  if (input.pieces.length === 0) throw new StudioError('invalid_argument', 'nothing to assemble', { reason: 'translation_nothing_to_voice' });
  const { sampleRate, target, ceiling } = input;
  const stage = (from: number, to: number, message: string): Job => ({
    progress: (f) => job.progress(from + (to - from) * (f ?? 0), message),
    checkCancelled: job.checkCancelled,
  });
  // 1. Each piece to the target on its own: a quiet take and a loud one end up alike.
  const step = 0.3 / input.pieces.length;
  let cursor = 0;
  const levelled = input.pieces.map((piece, i) => {
    const { frames, sampleRate: rate } = framesOf(piece.file);
    // The meter gates 400 ms blocks: a piece shorter than that (a one-word heading) is measured
    // played over a few times in a row, which has its loudness.
    const repeats = Math.max(1, Math.ceil((MIN_MEASURED_SEC * rate) / Math.max(1, frames)));
    const looped: Timeline = { ...initialTimeline(frames), segments: Array.from({ length: repeats }, () => ({ kind: 'source' as const, start: 0, length: frames, ramps: [] })) };
    const measured = runMeasure({ sourceFile: piece.file, timeline: looped }, stage(i * step, (i + 1) * step, 'measuring'));
    if (measured.integrated === null) {
      throw new StudioError('invalid_argument', `segment ${piece.index} is silent`, { reason: 'translation_piece_silent', segment: piece.index + 1 });
    }
    const gainDb = target - measured.integrated;
    const gain = 10 ** (gainDb / 20);
    const gap = Math.round(piece.gapAfterSec * rate);
    const timeline: Timeline = {
      segments: [{ kind: 'source', start: 0, length: frames, ramps: [[gain, gain]] }, ...(gap > 0 ? [{ kind: 'silence' as const, length: gap }] : [])],
      markers: [],
      master: null,
    };
    const placed = { index: piece.index, startSec: cursor, durationSec: frames / rate, gainDb: Math.round(gainDb * 100) / 100 };
    cursor += (frames + gap) / rate;
    return { file: piece.file, timeline, placed };
  });
  // 2. Joined in order (each piece's pause is in its timeline), as float so that nothing clips yet.
  const joined = path.join(path.dirname(input.out), 'joined.wav');
  try {
    await runRender(
      {
        kind: 'programme',
        items: levelled.map((l) => ({ kind: 'bulletin', sourceFile: l.file, timeline: l.timeline })),
        mix: { sampleRate, channels: 1, gapSec: 0, crossfadeSec: 0, duckDb: 0 },
        // The pieces are levelled already: the programme renderer's own pass brings the join to the
        // target too (a gain near 0 dB); the normaliser below then applies the ceiling exactly.
        loudness: { targetLufs: target, ceilingDb: ceiling, normalizeItems: false },
        sink: { path: joined, format: 'wav', sampleRate, wavFormat: 'float32' },
      },
      stage(0.3, 0.5, 'mixing'),
    );
    // 3. The whole to the target under the true-peak ceiling (the normaliser's passes), then written.
    const whole = initialTimeline(framesOf(joined).frames);
    const normalised = runNormalize({ sourceFile: joined, timeline: whole, target, ceiling }, stage(0.5, 0.85, 'normalising'));
    const render: RenderInput = {
      kind: 'document',
      sourceFile: joined,
      timeline: { ...whole, master: { gainDb: normalised.gainDb, ceilingDb: ceiling } },
      sink: { path: input.out, format: 'wav', sampleRate, wavFormat: 'pcm24', bext: true, tags: { title: input.title, comment: `assembled at ${target} LUFS / ${ceiling} dBTP` } },
    };
    const written = await runRender(render, stage(0.85, 1, 'writing'));
    return { file: written.path, durationSec: written.durationSec, loudness: written.loudness, pieces: levelled.map((l) => l.placed) };
  } finally {
    fs.rmSync(joined, { force: true });
  }
}
