/** Short generated source files for the service tests (written with our writer or with ffmpeg). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { JobInfo } from '../../../../src/shared/api/jobs.ts';
import { writeWavFile, type WavSampleFormat } from '../../../../src/main/services/audio/wav-writer.ts';
import type { TestStudio } from '../../../helpers/studio.ts';
import { speechLike } from './signals.ts';

export function speechWav(dir: string, name: string, seconds = 3, rate = 48000, channels = 2, format: WavSampleFormat = 'float32'): string {
  const file = path.join(dir, name);
  writeWavFile(file, Array.from({ length: channels }, (_, c) => speechLike(rate, seconds, 0.3, 7 + c, 0.9)), rate, { format });
  return file;
}

/** Encodes with the real ffmpeg (the way users' files are made). */
export function ffmpegEncode(input: string, output: string, args: string[]): string {
  const run = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', input, ...args, output], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return output;
}

export async function finished(studio: TestStudio, job: JobInfo): Promise<JobInfo> {
  return studio.services.jobs.wait(job.id);
}

export async function importFile(studio: TestStudio, file: string) {
  const done = await finished(studio, await studio.call('audio.import', { path: file }));
  if (done.state !== 'done') throw new Error(`import failed: ${JSON.stringify(done.error)}`);
  return done.result as import('../../../../src/shared/api/library-types.ts').Asset;
}
