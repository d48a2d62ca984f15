/**
 * Issue 8: the bad-media corpus through every import path — audio.import, asset.import, the
 * file loudness measure and (for what is accepted) the measure of the stored asset — each with
 * its expected typed outcome, and the host still serving after all of them.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoudnessResult } from '../../../../src/shared/api/audio.ts';
import type { Asset } from '../../../../src/shared/api/library-types.ts';
import type { JobInfo } from '../../../../src/shared/api/jobs.ts';
import { StudioError } from '../../../../src/shared/errors.ts';
import { useSuiteStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { buildCorpus, type MediaCase } from './bad-media.ts';
import { ffmpegLoudness } from './ffmpeg-reference.ts';

const studio = useSuiteStudio();
const temp = makeTempDir('bad-media-');
afterAll(() => temp.remove());
const corpus = buildCorpus(temp.dir);

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

async function outcome(work: Promise<JobInfo | LoudnessResult>, isJob: boolean): Promise<Outcome> {
  try {
    const value = await work;
    if (!isJob) return { ok: true, value };
    const done = await studio.services.jobs.wait((value as JobInfo).id);
    return done.state === 'done' ? { ok: true, value: done.result } : { ok: false, code: done.error!.code, message: done.error!.message };
  } catch (error) {
    return { ok: false, code: (error as StudioError).code, message: (error as Error).message };
  }
}

/** Seconds of audio ffmpeg decodes from the file (the reference for compressed sources). */
function ffmpegDuration(file: string, rate: number): number {
  const run = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(rate), '-f', 'f32le', '-'], { maxBuffer: 1 << 30 });
  return run.stdout.length / 4 / rate;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('bad-media corpus (issue 8)', () => {
  it('has the ~41 kinds of the sweep and more', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(41);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.concurrent.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, { file, expected }: MediaCase) => {
    const [viaAudio, viaAsset, viaMeasure] = await Promise.all([
      outcome(studio.call('audio.import', { path: file }), true),
      outcome(studio.call('audio.import', { path: file }), true),
      outcome(studio.call('audio.loudnessFile', { path: file }), false),
    ]);
    if (!expected.ok) {
      for (const got of [viaAudio, viaAsset, viaMeasure]) expect(got).toMatchObject({ ok: false, code: expected.code });
      return;
    }
    for (const got of [viaAudio, viaAsset, viaMeasure]) expect(got, JSON.stringify(got)).toMatchObject({ ok: true });
    const asset = (viaAudio as { value: Asset }).value;
    // The same file through both import requests is one asset, never a UNIQUE-constraint error.
    expect((viaAsset as { value: Asset }).value.id).toBe(asset.id);
    expect(asset).toMatchObject({ sampleRate: expected.sampleRate, channels: expected.channels });
    const reference = Number.isNaN(expected.durationSec) ? ffmpegDuration(file, asset.sampleRate) : expected.durationSec;
    expect(Math.abs(asset.durationSec - reference), `duration ${asset.durationSec} vs ${reference}`).toBeLessThan(0.06);
    // One hash: of the file that is stored and delivered.
    expect(asset.sha256).toBe(sha256(path.join(studio.dataDir, asset.file)));
    // The stored asset measures as the import measured it, and as ffmpeg does.
    const stored = await studio.call('audio.loudness', { assetId: asset.id });
    expect(stored.integrated).toBeCloseTo(asset.loudness!.integratedLufs!, 1);
    const fromFile = (viaMeasure as { value: LoudnessResult }).value;
    expect(fromFile.integrated).toBeCloseTo(asset.loudness!.integratedLufs!, 1);
    if (expected.reference) {
      const ffmpeg = ffmpegLoudness(file);
      expect(Math.abs(asset.loudness!.integratedLufs! - ffmpeg.integrated), `integrated ${asset.loudness!.integratedLufs} vs ffmpeg ${ffmpeg.integrated}`).toBeLessThan(0.3);
    }
  }, 300_000);

  it('leaves the host serving, the library holding only what was accepted, and no temporaries', async () => {
    expect((await studio.call('bulletin.create', { title: 'Vẫn chạy' })).title).toBe('Vẫn chạy');
    const accepted = corpus.filter((c) => c.expected.ok).length;
    // Files with the same audio bytes (a WAV and the same WAV named .mp3) share an asset.
    expect((await studio.call('asset.list', {})).length).toBeLessThanOrEqual(accepted);
    const assetsDir = path.join(studio.dataDir, 'assets');
    expect(fs.readdirSync(assetsDir).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(studio.services.jobs.list().filter((j) => j.state === 'running')).toEqual([]);
    expect(studio.services.jobs.list().some((j) => j.error?.code === 'worker_crashed')).toBe(false);
  });
});

describe('item 1: sample rates and channel counts outside 8–192 kHz, 1–8 channels', () => {
  it('are refused by the recorder (service and request)', async () => {
    expect(() => studio.services.recorder.start({ sampleRate: 4, channels: 1 })).toThrow(expect.objectContaining({ code: 'audio_out_of_range' }));
    expect(() => studio.services.recorder.start({ sampleRate: 48000, channels: 2000 })).toThrow(expect.objectContaining({ code: 'audio_out_of_range' }));
    await expect(studio.call('recorder.start', { sampleRate: 4, channels: 1 })).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
