/**
 * File-to-file tools behind `studio loudness FILE` and `studio normalize IN OUT`: the same
 * decoders, meter, limiter and writers as the library, without touching the library.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoudnessResult } from '../../../shared/api/audio.ts';
import type { JobTools } from '../jobs/index.ts';
import { initialTimeline } from './edit-list.ts';
import type { SinkResult } from './export-sink.ts';
import { decodeToWav } from './import-audio.ts';
import { runExport } from './mp3-loudness.ts';
import { runMeasure, runNormalize, type NormalizeOutput } from './render-jobs.ts';

type Job = Pick<JobTools, 'progress' | 'checkCancelled'>;

export interface FileLoudnessInput {
  path: string;
}

export interface FileNormalizeInput {
  input: string;
  output: string;
  target: number;
  ceiling: number;
  bitrate: number;
}

async function withDecoded<R>(source: string, job: Job, work: (decoded: Awaited<ReturnType<typeof decodeToWav>>) => R | Promise<R>): Promise<R> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-audio-'));
  try {
    const decoded = await decodeToWav(source, path.join(dir, 'decoded.wav'), job);
    return await work(decoded);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function measureFile({ path: file }: FileLoudnessInput, job: Job): Promise<LoudnessResult> {
  return withDecoded(path.resolve(file), job, (decoded) => runMeasure({ sourceFile: decoded.file }, job));
}

/** Output: WAV (Broadcast WAV, 24-bit) or MP3 by the output's extension; 44.1/48 kHz kept, other rates to 48 kHz. */
export function normalizeFile(input: FileNormalizeInput, job: Job): Promise<SinkResult & { normalize: NormalizeOutput }> {
  return withDecoded(path.resolve(input.input), job, async (decoded) => {
    const timeline = initialTimeline(decoded.frames);
    const normalize = runNormalize({ sourceFile: decoded.file, timeline, target: input.target, ceiling: input.ceiling }, job);
    const format = path.extname(input.output).toLowerCase() === '.mp3' ? 'mp3' : 'wav';
    const sampleRate = decoded.sampleRate === 44100 || decoded.sampleRate === 48000 ? decoded.sampleRate : 48000;
    const result = await runExport(
      {
        kind: 'document',
        sourceFile: decoded.file,
        timeline: { ...timeline, master: { gainDb: normalize.gainDb, ceilingDb: input.ceiling } },
        sink: { path: path.resolve(input.output), format, sampleRate, bitrate: input.bitrate, bext: true, wavFormat: 'pcm24', tags: { comment: `normalised to ${input.target} LUFS / ${input.ceiling} dBTP` } },
      },
      job,
    );
    return { ...result, normalize };
  });
}
