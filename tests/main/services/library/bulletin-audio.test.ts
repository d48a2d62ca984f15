/**
 * A bulletin's audio as one edit document (issue 11, items 2 and 6): a script edit makes the audio
 * stale and blocks approval until it is confirmed or made again; delivery sends the edit as the
 * editor hears it (checked with ffmpeg); "Nhân bản"; a package this studio wrote is recognised.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../../../src/shared/api/library-types.ts';
import { describeError } from '../../../../src/shared/error-words.ts';
import { StudioError } from '../../../../src/shared/errors.ts';
import { useSuiteStudio, type TestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from '../audio/ffmpeg-reference.ts';
import { waitFor } from '../delivery/source/fixtures.ts';

const temp = makeTempDir('studio-bulletin-audio-');
afterAll(() => temp.remove());

/** Pink noise with a tremolo (speech-like loudness range), quiet: normalising has work to do. */
async function importNoise(studio: TestStudio, name: string, seconds: number): Promise<Asset> {
  const wav = path.join(temp.dir, `${name}.wav`);
  const sox = spawnSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', wav, 'synth', String(seconds), 'pinknoise', 'vol', '0.1', 'tremolo', '0.4', '75'], { encoding: 'utf8' });
  expect(sox.status, sox.stderr).toBe(0);
  const job = await studio.services.jobs.wait((await studio.call('audio.import', { path: wav, name })).id);
  expect(job.error).toBeUndefined();
  return job.result as Asset;
}

async function refusal(promise: Promise<unknown>): Promise<StudioError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(StudioError);
  return error as StudioError;
}

describe('bulletin audio', () => {
  const studio = useSuiteStudio();

  it('marks the audio stale after a script edit, refuses approval until confirmed or made again', async () => {
    const asset = await importNoise(studio, 'tin-sang', 3);
    const created = await studio.call('bulletin.create', { title: 'Tin sáng', script: 'Bà con chú ý lịch tiêm phòng.' });
    const voiced = await studio.call('bulletin.audio.set', { id: created.id, assetId: asset.id });
    expect(voiced).toMatchObject({ audioAssetId: asset.id, audioOrigin: 'import', audioStale: false });

    const edited = await studio.call('bulletin.update', { id: created.id, changes: { script: 'Bà con chú ý lịch tiêm phòng đã đổi sang thứ Sáu.' } });
    expect(edited.audioStale).toBe(true);
    const listed = await studio.call('bulletin.list', {});
    expect(listed.items.find((b) => b.id === created.id)?.audioStale).toBe(true);

    await studio.call('bulletin.transition', { id: created.id, to: 'submitted' });
    const refused = await refusal(studio.call('bulletin.transition', { id: created.id, to: 'approved', approver: 'Hùng' }));
    expect(refused.code).toBe('conflict');
    expect(refused.details).toMatchObject({ reason: 'audio_stale', title: 'Tin sáng' });
    const words = describeError({ code: refused.code, message: refused.message, details: refused.details }, 'vi');
    expect(words).toContain('“Tin sáng”');
    expect(words).toContain('tạo lại giọng đọc');
    expect(describeError({ code: refused.code, message: refused.message, details: refused.details }, 'en')).toContain('Regenerate');

    // Confirmed by the editor: approval goes through.
    const confirmed = await studio.call('bulletin.audio.confirm', { id: created.id });
    expect(confirmed.audioStale).toBe(false);
    const approved = await studio.call('bulletin.transition', { id: created.id, to: 'approved', approver: 'Hùng' });
    expect(approved.status).toBe('approved');

    // Another edit (the bulletin goes back to draft), then the audio is made again: approvable.
    await studio.call('bulletin.update', { id: created.id, changes: { script: 'Lịch tiêm phòng: thứ Bảy.' } });
    await studio.call('bulletin.transition', { id: created.id, to: 'submitted' });
    expect((await refusal(studio.call('bulletin.transition', { id: created.id, to: 'approved', approver: 'Hùng' }))).details).toMatchObject({ reason: 'audio_stale' });
    const again = await importNoise(studio, 'tin-sang-2', 2);
    studio.services.library.bulletins.setAudio(created.id, { assetId: again.id, origin: 'tts' }, 'tester');
    const reapproved = await studio.call('bulletin.transition', { id: created.id, to: 'approved', approver: 'Hùng' });
    expect(reapproved).toMatchObject({ status: 'approved', audioOrigin: 'tts', audioStale: false, audioAssetId: again.id });
  });

  it('delivers the edited audio, normalised, and recognises its own package when it comes back', async () => {
    const asset = await importNoise(studio, 'lich-cat-dien', 6);
    const bulletin = await studio.call('bulletin.create', { title: 'Lịch cắt điện', script: 'Thông báo lịch cắt điện.', audioAssetId: asset.id });
    const doc = await studio.call('edit.open', { assetId: asset.id });
    await studio.call('edit.apply', { documentId: doc.id, op: { type: 'cut', start: 1, end: 3 } });
    const normalised = await studio.services.jobs.wait((await studio.call('audio.normalize', { documentId: doc.id, preset: 'outdoor' })).id);
    expect(normalised.error).toBeUndefined();
    const audio = studio.services.audio.bulletinAudio(bulletin.id);
    expect(audio).toMatchObject({ documentId: doc.id, edited: true, normalisedTo: { target: -16, ceiling: -1 } });

    await studio.call('bulletin.transition', { id: bulletin.id, to: 'submitted' });
    await studio.call('bulletin.transition', { id: bulletin.id, to: 'approved', approver: 'Hùng' });
    const stick = path.join(temp.dir, 'usb');
    fs.mkdirSync(stick);
    const queued = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'package', dest: stick });
    const done = await waitFor(() => {
      const item = studio.services.delivery.outbox.get(queued.id);
      return item.state === 'delivered' ? item : null;
    }, 'package written', 120_000);

    const sent = fs.readdirSync(done.remoteId!).find((name) => name.endsWith('.wav'))!;
    const file = path.join(done.remoteId!, sent);
    const measured = ffmpegLoudness(file);
    expect(Math.abs(measured.integrated - -16)).toBeLessThanOrEqual(0.5);
    expect(measured.truePeak).toBeLessThanOrEqual(-1 + 0.3);
    const probe = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' });
    expect(Number(probe.stdout)).toBeCloseTo(4, 1);
    // The source itself is untouched: its loudness is the quiet original's.
    expect(ffmpegLoudness(path.join(studio.dataDir, asset.file)).integrated).toBeLessThan(-20);

    // The stick comes back: the package is this studio's own, its import is refused with the bulletin named.
    const preview = await studio.call('package.inspect', { path: done.remoteId! });
    expect(preview.ownBulletinId).toBe(bulletin.id);
    const before = (await studio.call('bulletin.list', {})).total;
    const imported = await studio.services.jobs.wait((await studio.call('package.import', { path: done.remoteId! })).id);
    expect(imported.error?.details).toMatchObject({ reason: 'package_from_this_studio', bulletinId: bulletin.id, title: 'Lịch cắt điện' });
    expect((await studio.call('bulletin.list', {})).total).toBe(before);
  });

  it('duplicates a delivered bulletin as a new draft, without its audio', async () => {
    const asset = await importNoise(studio, 'nhan-ban', 1);
    const original = await studio.call('bulletin.create', { title: 'Thông báo họp', script: 'Họp thôn lúc 19 giờ.', priority: 'priority', schedule: { kind: 'daily', time: '06:30' }, audioAssetId: asset.id });
    await studio.call('bulletin.transition', { id: original.id, to: 'submitted' });
    await studio.call('bulletin.transition', { id: original.id, to: 'approved', approver: 'Hùng' });
    await studio.call('bulletin.transition', { id: original.id, to: 'delivered' });
    const refused = await refusal(studio.call('bulletin.audio.set', { id: original.id, assetId: asset.id }));
    expect(refused.details).toMatchObject({ reason: 'bulletin_delivered' });

    const copy = await studio.call('bulletin.duplicate', { id: original.id });
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ title: 'Thông báo họp', script: 'Họp thôn lúc 19 giờ.', priority: 'priority', schedule: { kind: 'daily', time: '06:30' }, status: 'draft', approver: null, audioAssetId: null, audioStale: false });
    expect((await studio.call('bulletin.get', { id: original.id })).status).toBe('delivered');
  });
});
