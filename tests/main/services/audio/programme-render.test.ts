/**
 * Programme render (issue 11 item 3): the planned total is the rendered length (bed, gaps,
 * crossfades, items at other rates, an edited item); the render lands on the programme's preset
 * by ffmpeg's ebur128 with the true peak under the ceiling; drafts are refused with a code;
 * its MP3 export is as loud as its BWF; a cancelled render leaves nothing behind and rendering
 * again works.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RenderedProgramme } from '../../../../src/shared/api/audio.ts';
import { PROGRAMME_CEILING_DB } from '../../../../src/shared/api/library-types.ts';
import { useTestStudio, type TestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from './ffmpeg-reference.ts';
import { finished, importFile, speechWav } from './fixtures.ts';

const temp = makeTempDir('studio-programme-render-');
afterAll(() => temp.remove());

const frames = (file: string) => {
  const run = spawnSync('ffprobe', ['-v', 'error', '-count_packets', '-show_entries', 'stream=duration_ts,sample_rate', '-of', 'json', file], { encoding: 'utf8' });
  const stream = (JSON.parse(run.stdout) as { streams: { duration_ts: number; sample_rate: string }[] }).streams[0]!;
  return { frames: Number(stream.duration_ts), rate: Number(stream.sample_rate) };
};

async function approvedBulletin(studio: TestStudio, title: string, assetId: number) {
  const b = await studio.call('bulletin.create', { title, script: 'Kính thưa bà con.', audioAssetId: assetId });
  await studio.call('bulletin.transition', { id: b.id, to: 'submitted' });
  return studio.call('bulletin.transition', { id: b.id, to: 'approved', approver: 'Trưởng đài' });
}

async function buildProgramme(studio: TestStudio, presetLufs: -23 | -16) {
  const jingle = await importFile(studio, speechWav(temp.dir, 'jingle.wav', 2, 44100, 2));
  const bed = await importFile(studio, speechWav(temp.dir, 'bed.wav', 16, 48000, 2));
  // Quiet and loud speech at different rates: per-item normalisation evens them out.
  const quiet = await importFile(studio, speechWav(temp.dir, 'quiet.wav', 6, 22050, 1));
  const loud = await importFile(studio, speechWav(temp.dir, 'loud.wav', 5, 48000, 2));
  const b1 = await approvedBulletin(studio, 'Tin thời tiết', quiet.id);
  const b2 = await approvedBulletin(studio, 'Lịch tiêm chủng', loud.id);
  // Bulletin 2's audio is edited: the plan and the render use the edited length.
  const doc = await studio.call('edit.open', { assetId: loud.id });
  await studio.call('edit.apply', { documentId: doc.id, op: { type: 'trim', start: 0.5, end: 4.25 } });
  const p = await studio.call('programme.create', { title: 'Thời sự sáng', presetLufs });
  for (const item of [
    { kind: 'jingle' as const, assetId: jingle.id },
    { kind: 'music_bed' as const, assetId: bed.id },
    { kind: 'bulletin' as const, bulletinId: b1.id },
    { kind: 'jingle' as const, assetId: jingle.id },
    { kind: 'bulletin' as const, bulletinId: b2.id },
  ]) {
    await studio.call('programme.addItem', { programmeId: p.id, ...item });
  }
  return p.id;
}

describe('programme render', () => {
  const studio = useTestStudio();

  it('renders exactly the planned length and lands on the preset (ffmpeg ebur128), for gaps and for crossfades; its BWF export too', { timeout: 300_000 }, async () => {
    const id = await buildProgramme(studio, -16);
    for (const settings of [{ gapSec: 0.75, crossfadeSec: 0, duckDb: -20 }, { gapSec: 0.75, crossfadeSec: 0.5, duckDb: -12 }]) {
      await studio.call('programme.update', { id, mix: settings });
      const planned = await studio.call('programme.get', { id });
      // 2 + 6 + 2 + 3.75 = 13.75 s of items; gaps add 3 × 0.75, crossfades take 3 × 0.5; the bed adds nothing.
      const expected = settings.crossfadeSec > 0 ? 13.75 - 1.5 : 13.75 + 2.25;
      expect(planned.totalSec).toBeCloseTo(expected, 2);
      expect(planned.rendered).toBeNull();
      const job = await finished(studio, await studio.call('programme.render', { programmeId: id }));
      expect(job.state, JSON.stringify(job.error)).toBe('done');
      const rendered = job.result as RenderedProgramme;
      const file = path.join(studio.dataDir, rendered.media);
      const probed = frames(file);
      expect(probed.rate).toBe(48000);
      // The plan shown is the render, to the sample.
      expect(Math.abs(probed.frames / 48000 - planned.totalSec)).toBeLessThanOrEqual(0.001);
      const after = await studio.call('programme.get', { id });
      expect(after.totalSec).toBe(planned.totalSec);
      expect(after.rendered?.durationSec).toBeCloseTo(probed.frames / 48000, 4);
      const ref = ffmpegLoudness(file);
      expect(Math.abs(ref.integrated - -16)).toBeLessThanOrEqual(0.5);
      expect(ref.truePeak).toBeLessThanOrEqual(PROGRAMME_CEILING_DB + 0.1);
    }
    // The broadcast preset, exported as BWF: the export is normalised and planned the same way.
    await studio.call('programme.update', { id, mix: { presetLufs: -23 } });
    const out = path.join(temp.dir, 'export.wav');
    const job = await finished(studio, await studio.call('audio.export', { programmeId: id, format: 'wav', outPath: out, sampleRate: 48000 }));
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    const ref = ffmpegLoudness(out);
    expect(Math.abs(ref.integrated - -23)).toBeLessThanOrEqual(0.5);
    expect(ref.truePeak).toBeLessThanOrEqual(PROGRAMME_CEILING_DB + 0.1);
    expect(Math.abs(frames(out).frames / 48000 - (await studio.call('programme.get', { id })).totalSec)).toBeLessThanOrEqual(0.001);
  });

  it('exports an MP3 as loud as the BWF it matches (the encoder’s loudness shift corrected, within 0.1 LU)', { timeout: 300_000 }, async () => {
    const id = await buildProgramme(studio, -16);
    await studio.call('programme.update', { id, mix: { crossfadeSec: 0.5, duckDb: -20 } });
    const loudness: Record<string, number> = {};
    for (const format of ['wav', 'mp3'] as const) {
      const out = path.join(temp.dir, `as-loud.${format}`);
      const job = await finished(studio, await studio.call('audio.export', { programmeId: id, format, outPath: out, sampleRate: 48000 }));
      expect(job.state, JSON.stringify(job.error)).toBe('done');
      loudness[format] = ffmpegLoudness(out).integrated;
    }
    expect(Math.abs(loudness.wav! - -16)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(loudness.mp3! - loudness.wav!)).toBeLessThanOrEqual(0.1);
  });

  it('refuses a programme with a draft bulletin (coded), and renders again after a cancel', { timeout: 240_000 }, async () => {
    const speech = await importFile(studio, speechWav(temp.dir, 'speech.wav', 4, 48000, 1));
    const approved = await approvedBulletin(studio, 'Tin đã duyệt', speech.id);
    const { id } = await studio.call('programme.create', { title: 'Trưa' });
    await studio.call('programme.addItem', { programmeId: id, kind: 'bulletin', bulletinId: approved.id });
    const draft = await studio.call('bulletin.create', { title: 'Bản nháp', audioAssetId: speech.id });
    const withDraft = await studio.call('programme.addItem', { programmeId: id, kind: 'bulletin', bulletinId: draft.id });
    expect(withDraft.items.at(-1)).toMatchObject({ bulletinStatus: 'draft' });
    await expect(studio.call('programme.render', { programmeId: id })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'programme_has_unapproved', count: 1, titles: 'Bản nháp' },
    });
    await studio.call('programme.removeItem', { programmeId: id, itemId: withDraft.items.at(-1)!.id });

    const job = await studio.call('programme.render', { programmeId: id });
    await studio.call('job.cancel', { id: job.id });
    expect((await finished(studio, job)).state).toBe('cancelled');
    expect((await studio.call('programme.get', { id })).rendered).toBeNull();
    const again = await finished(studio, await studio.call('programme.render', { programmeId: id }));
    expect(again.state).toBe('done');
    expect((await studio.call('programme.get', { id })).rendered).not.toBeNull();
  });
});
