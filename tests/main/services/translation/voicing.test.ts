/**
 * Voicing a translation (issue 12 §9) on a real studio: takes attached to segments and replaced,
 * the refusal when segments have neither take nor voice, the assembly (takes + a generated VITS
 * voice of the target language) in segment order at the loudness target as ffmpeg's ebur128
 * measures it, cancel, and takes following their segments when the source is re-segmented.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../../src/shared/error-words.ts';
import type { StudioError } from '../../../../src/shared/errors.ts';
import type { Asset } from '../../../../src/shared/api/library-types.ts';
import { ffmpegLoudness, ffprobeDuration } from '../../../e2e/recorder-helpers.ts';
import { writeVitsVoice } from '../../../fixtures/voices/make-test-voices.ts';
import { useSuiteStudio } from '../../../helpers/studio.ts';

const SCRIPT = 'Thông báo của xã\n\nChúng ta đi chợ sáng mai. Chợ có nhiều thứ đẹp lắm. Bà con đi họp lúc 8 giờ.';
const TARGETS = ['Thông báo tẻo xã', 'Boong hây pây háng sáng mai.', 'Háng mì lai cúa đây lai.', 'Pi noọng pây họp mừa 8 giờ.'];

describe('voicing a translation', { timeout: 240_000 }, () => {
  const studio = useSuiteStudio();
  let id = 0;
  let bulletinId = 0;

  /** A take as the recorder would leave it: speech-like noise bursts at `level` dB, made with sox. */
  async function take(name: string, seconds: number, level: number): Promise<Asset> {
    const file = path.join(studio.dataDir, `${name}.wav`);
    execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', file, 'synth', String(seconds), 'pinknoise', 'synth', String(seconds), 'sine', 'amod', '1.3', '100', 'gain', String(level)]);
    const job = await studio.call('audio.import', { path: file });
    return studio.services.jobs.result(job);
  }

  async function errorOf(promise: Promise<unknown>): Promise<StudioError> {
    return promise.then(() => { throw new Error('not refused'); }, (e: StudioError) => e);
  }

  it('attaches a take to a segment; a new take replaces it and the old recording stays in the library', async () => {
    const source = await studio.call('bulletin.create', { title: 'Phiên chợ', script: SCRIPT });
    const work = await studio.call('translation.start', { bulletinId: source.id, to: 'tyz' });
    id = work.id;
    bulletinId = work.link.targetBulletinId!;
    for (const [index, target] of TARGETS.entries()) await studio.call('translation.segment.update', { id, index, target });
    expect(work.voicing).toEqual({ takes: [], voices: [] });

    const first = await take('first', 2, -30);
    const attached = await studio.call('translation.take.attach', { id, index: 1, assetId: first.id });
    expect(attached).toMatchObject({ index: 1, assetId: first.id, file: first.file, outdated: false });
    const second = await take('second', 3, -12);
    await studio.call('translation.take.attach', { id, index: 1, assetId: second.id });
    const view = await studio.call('translation.get', { id });
    expect(view.voicing.takes.map((t) => [t.index, t.assetId])).toEqual([[1, second.id]]);
    expect(studio.services.library.assets.get(first.id).id).toBe(first.id);

    // The text changed after the take: it is flagged, not dropped.
    await studio.call('translation.segment.update', { id, index: 1, target: 'Boong hây pây háng sáng mai nẩy.' });
    expect((await studio.call('translation.get', { id })).voicing.takes[0]!.outdated).toBe(true);
    await studio.call('translation.segment.update', { id, index: 1, target: TARGETS[1]! });
    await expect(studio.call('translation.take.attach', { id, index: 9, assetId: first.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(studio.call('translation.take.attach', { id, index: 0, assetId: 99_999 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to assemble while segments have neither a take nor a voice, saying how many', async () => {
    const error = await errorOf(studio.call('translation.assemble', { id }));
    expect(error.code).toBe('conflict');
    expect(error.details).toMatchObject({ reason: 'translation_segments_unvoiced', missing: 3, total: 4, segments: '1, 3, 4' });
    expect(describeError(error.toPayload(), 'vi')).toContain('3 trong 4 đoạn chưa có bản thu');
    expect(describeError(error.toPayload(), 'en')).toContain('3 of 4 segments have no take');
    expect((await studio.call('bulletin.get', { id: bulletinId })).audioAssetId).toBeNull();
  });

  it('assembles takes and the Tày voice in segment order at −23 LUFS (ffmpeg ebur128 within ±0.5 LU) as the bulletin’s audio', async () => {
    const quiet = await take('quiet', 2.5, -38);
    await studio.call('translation.take.attach', { id, index: 3, assetId: quiet.id });
    const voice = await studio.call('voice.install', { path: writeVitsVoice(path.join(studio.dataDir, 'mms-tts-tyz'), { language: 'tyz' }) });
    expect((await studio.call('translation.get', { id })).voicing.voices).toEqual([{ id: voice.id, name: voice.name }]);

    const job = await studio.call('translation.assemble', { id });
    expect(job.kind).toBe('translation.assemble');
    const result = await studio.services.jobs.result(job);
    expect(result.pieces.map((p) => [p.index, p.from])).toEqual([[0, 'voice'], [1, 'take'], [2, 'voice'], [3, 'take']]);
    for (let i = 1; i < result.pieces.length; i++) {
      const before = result.pieces[i - 1]!;
      expect(result.pieces[i]!.startSec).toBeGreaterThanOrEqual(before.startSec + before.durationSec + 0.39);
    }
    // The two takes were recorded 26 dB apart: each was brought to the target on its own.
    expect(result.pieces[3]!.gainDb - result.pieces[1]!.gainDb).toBeGreaterThan(20);
    expect(result.pieces[1]!.durationSec).toBeCloseTo(3, 1);
    expect(result).toMatchObject({ translationId: id, bulletinId, voiceId: voice.id, target: -23 });

    const bulletin = await studio.call('bulletin.get', { id: bulletinId });
    expect(bulletin.audioAssetId).toBe(result.assetId);
    const file = path.join(studio.dataDir, studio.services.library.assets.get(result.assetId).file);
    const last = result.pieces.at(-1)!;
    expect(ffprobeDuration(file)).toBeCloseTo(last.startSec + last.durationSec, 1);
    expect(Math.abs(ffmpegLoudness(file).integrated - -23)).toBeLessThanOrEqual(0.5);
    expect(ffmpegLoudness(file).truePeak).toBeLessThanOrEqual(-0.5);
  });

  it('cancels an assembly and leaves the bulletin’s audio as it was', async () => {
    const before = (await studio.call('bulletin.get', { id: bulletinId })).audioAssetId;
    const job = await studio.call('translation.assemble', { id });
    await studio.call('job.cancel', { id: job.id });
    const done = await studio.call('job.wait', { id: job.id });
    expect(done).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
    expect((await studio.call('bulletin.get', { id: bulletinId })).audioAssetId).toBe(before);
    // Once it has ended, the translation can be assembled again (and this one is cancelled too).
    const again = await studio.call('translation.assemble', { id });
    await studio.call('job.cancel', { id: again.id });
    expect((await studio.call('job.wait', { id: again.id })).state).toBe('cancelled');
  });

  it('keeps takes with their segments when the source is re-segmented, and unlinks a take on request', async () => {
    const source = (await studio.call('translation.get', { id })).link.sourceBulletinId!;
    await studio.call('bulletin.update', { id: source, changes: { script: `Tin mới.\n\n${SCRIPT}` } });
    const refreshed = await studio.call('translation.refresh', { id });
    expect(refreshed.voicing.takes.map((t) => t.index)).toEqual([2, 4]);
    await studio.call('translation.take.remove', { id, index: 2 });
    expect((await studio.call('translation.get', { id })).voicing.takes.map((t) => t.index)).toEqual([4]);
    await expect(studio.call('translation.take.remove', { id, index: 2 })).rejects.toMatchObject({ code: 'not_found', details: { reason: 'segment_without_take' } });
  });
});
