/**
 * MP3 export through LAME (WebAssembly): valid for ffprobe, exactly as long as the audio once
 * players trim LAME's delay and padding (the LAME Info frame), on the loudness of the WAV it came
 * from, tagged; a long export runs as a job with progress and cancel.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../../src/shared/api/audio.ts';
import type { EditDocument } from '../../../../src/shared/api/audio.ts';
import { LAME_ENCODER_DELAY } from '../../../../src/main/services/audio/lame-tag.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from './ffmpeg-reference.ts';
import { finished, importFile, speechWav } from './fixtures.ts';

const temp = makeTempDir('studio-mp3-');
afterAll(() => temp.remove());

/** Samples per channel that ffmpeg decodes from a file (after its own delay trimming). */
function decodedSamples(file: string, channels: number): number {
  const run = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 's16le', '-'], { maxBuffer: 1 << 30 });
  expect(run.status).toBe(0);
  return run.stdout.length / 2 / channels;
}

function lameDelays(file: string): { delay: number; padding: number } {
  const bytes = fs.readFileSync(file);
  const at = bytes.indexOf('LAME3.100');
  expect(at).toBeGreaterThan(0);
  expect(bytes.indexOf('Info')).toBeLessThan(at);
  const v = (bytes[at + 21]! << 16) | (bytes[at + 22]! << 8) | bytes[at + 23]!;
  return { delay: v >> 12, padding: v & 0xfff };
}

describe('MP3 export through LAME', () => {
  const studio = useTestStudio();

  it.each([
    [48000 as const, 2],
    [44100 as const, 1],
  ])('at %i Hz, %i channel(s): decodes to exactly the exported samples, tagged, on the WAV’s loudness', async (rate, channels) => {
    const asset = await importFile(studio, speechWav(temp.dir, `src-${rate}.wav`, 7.3, rate, channels));
    let doc = await studio.call('edit.open', { assetId: asset.id });
    const job = await finished(studio, await studio.call('audio.normalize', { documentId: doc.id, preset: 'broadcast' }));
    doc = (job.result as { document: EditDocument }).document;

    const mp3 = path.join(temp.dir, `out-${rate}.mp3`);
    const wav = path.join(temp.dir, `out-${rate}.wav`);
    const mp3Job = await finished(studio, await studio.call('audio.export', { documentId: doc.id, format: 'mp3', sampleRate: rate, bitrate: 128, outPath: mp3, title: 'Bản tin trưa' }));
    expect(mp3Job.state).toBe('done');
    await finished(studio, await studio.call('audio.export', { documentId: doc.id, format: 'wav', sampleRate: rate, outPath: wav }));

    const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,sample_rate,channels:format_tags=title', '-of', 'json', mp3], { encoding: 'utf8' });
    expect(probe.status).toBe(0);
    const info = JSON.parse(probe.stdout) as { streams: { codec_name: string; sample_rate: string; channels: number }[]; format: { tags: { title: string } } };
    expect(info.streams[0]).toMatchObject({ codec_name: 'mp3', sample_rate: String(rate), channels });
    expect(info.format.tags.title).toBe('Bản tin trưa');

    const exported = Math.round(7.3 * rate);
    expect(decodedSamples(mp3, channels)).toBe(exported);
    expect(lameDelays(mp3).delay).toBe(LAME_ENCODER_DELAY);
    expect((mp3Job.result as ExportResult).durationSec).toBeCloseTo(7.3, 3);

    const fromMp3 = ffmpegLoudness(mp3).integrated;
    const fromWav = ffmpegLoudness(wav).integrated;
    expect(Math.abs(fromMp3 - fromWav)).toBeLessThanOrEqual(0.1);
  });

  it('a 10-minute export runs as a job that reports progress and can be cancelled, leaving no file', async () => {
    const source = path.join(temp.dir, 'ten-minutes.wav');
    const made = spawnSync('sox', ['-n', '-r', '48000', '-c', '2', '-b', '16', source, 'synth', '600', 'pinknoise', 'vol', '0.2']);
    expect(made.status).toBe(0);
    const asset = await importFile(studio, source);
    const doc = await studio.call('edit.open', { assetId: asset.id });
    const out = path.join(temp.dir, 'ten-minutes.mp3');
    const job = await studio.call('audio.export', { documentId: doc.id, format: 'mp3', sampleRate: 48000, bitrate: 128, outPath: out });
    await expect.poll(async () => (await studio.call('job.list', {})).find((j) => j.id === job.id)?.progress ?? 0, { timeout: 120_000 }).toBeGreaterThan(0);
    await studio.call('job.cancel', { id: job.id });
    const done = await finished(studio, job);
    expect(done.state).toBe('cancelled');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(temp.dir).filter((f) => f.includes('ten-minutes.mp3'))).toEqual([]);
  });
});
