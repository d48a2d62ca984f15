import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateSpeechSeconds } from '../../../../src/main/services/library/reading-time.ts';
import { useTestStudio } from '../../../helpers/studio.ts';

describe('programmes', () => {
  const studio = useTestStudio();

  it('keeps items in order, reorders them, and totals their lengths', async () => {
    const script = 'Xã tổ chức ra quân làm thủy lợi đầu năm. '.repeat(20);
    const a = await studio.call('bulletin.create', { title: 'Tin A', script });
    const b = await studio.call('bulletin.create', { title: 'Tin B', script: 'Ngắn gọn.' });
    const programme = await studio.call('programme.create', { title: 'Bản tin sáng' });
    await studio.call('programme.addItem', { programmeId: programme.id, kind: 'bulletin', bulletinId: a.id });
    const withTwo = await studio.call('programme.addItem', { programmeId: programme.id, kind: 'bulletin', bulletinId: b.id });
    expect(withTwo.items.map((i) => i.label)).toEqual(['Tin A', 'Tin B']);
    expect(withTwo.items[0]!).toMatchObject({ durationEstimated: true, durationSec: estimateSpeechSeconds(script) });
    // The shared plan: the two items with the default 1 s gap between them.
    expect(withTwo.totalSec).toBeCloseTo(estimateSpeechSeconds(script) + 1 + estimateSpeechSeconds('Ngắn gọn.'), 2);
    expect(withTwo.items[1]!.startSec).toBeCloseTo(estimateSpeechSeconds(script) + 1, 2);

    const reordered = await studio.call('programme.reorder', {
      programmeId: programme.id,
      itemIds: [withTwo.items[1]!.id, withTwo.items[0]!.id],
    });
    expect(reordered.items.map((i) => i.label)).toEqual(['Tin B', 'Tin A']);
    expect(reordered.items.map((i) => i.position)).toEqual([0, 1]);

    await expect(
      studio.call('programme.reorder', { programmeId: programme.id, itemIds: [withTwo.items[0]!.id] }),
    ).rejects.toMatchObject({ code: 'conflict' });

    const inserted = await studio.call('programme.addItem', { programmeId: programme.id, kind: 'bulletin', bulletinId: a.id, position: 0 });
    expect(inserted.items.map((i) => i.label)).toEqual(['Tin A', 'Tin B', 'Tin A']);
    const removed = await studio.call('programme.removeItem', { programmeId: programme.id, itemId: inserted.items[1]!.id });
    expect(removed.items.map((i) => [i.label, i.position])).toEqual([['Tin A', 0], ['Tin A', 1]]);
  });

  it('warns when the programme exceeds the configured session cap', async () => {
    await studio.call('settings.update', { sessionCapMinutes: 1 });
    const long = await studio.call('bulletin.create', { title: 'Dài', script: 'một hai ba bốn năm '.repeat(60) });
    const programme = await studio.call('programme.create', { title: 'Buổi chiều' });
    const p = await studio.call('programme.addItem', { programmeId: programme.id, kind: 'bulletin', bulletinId: long.id });
    expect(p.totalSec).toBeGreaterThan(60);
    expect(p).toMatchObject({ capMinutes: 1, exceedsCap: true });
    await studio.call('settings.update', { sessionCapMinutes: 45 });
    expect(await studio.call('programme.get', { id: programme.id })).toMatchObject({ capMinutes: 45, exceedsCap: false });
  });

  it('uses the real audio length of jingles', async () => {
    const wav = path.join(studio.dataDir, 'jingle.wav');
    execFileSync('sox', ['-n', '-r', '48000', '-c', '2', '-b', '16', wav, 'synth', '2.5', 'sine', '660', 'vol', '0.3']);
    const job = await studio.call('audio.import', { path: wav, name: 'Nhạc hiệu' });
    const done = await studio.services.jobs.wait(job.id);
    expect(done.state).toBe('done');
    const asset = done.result as { id: number };
    const programme = await studio.call('programme.create', { title: 'Có nhạc hiệu' });
    const p = await studio.call('programme.addItem', { programmeId: programme.id, kind: 'jingle', assetId: asset.id });
    expect(p.items[0]).toMatchObject({ kind: 'jingle', label: 'Nhạc hiệu', durationEstimated: false });
    expect(p.items[0]!.durationSec).toBeCloseTo(2.5, 3);
    await expect(
      studio.call('programme.addItem', { programmeId: programme.id, kind: 'jingle', bulletinId: 1 }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
