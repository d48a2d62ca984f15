import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EditDocument, ExportResult, RenderedProgramme } from '../../../../src/shared/api/audio.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from './ffmpeg-reference.ts';
import { finished, importFile, speechWav } from './fixtures.ts';

const temp = makeTempDir('studio-export-');
afterAll(() => temp.remove());

function probe(file: string) {
  const run = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration,bit_rate:format_tags:stream=sample_rate,channels,codec_name,bits_per_sample', '-of', 'json', file], { encoding: 'utf8' });
  const json = JSON.parse(run.stdout) as { format: { duration: string; bit_rate: string; tags?: Record<string, string> }; streams: { sample_rate: string; channels: number; codec_name: string }[] };
  return { ...json.format, duration: Number(json.format.duration), stream: json.streams[0]! };
}

describe('normalise, measure and export a document', () => {
  const studio = useTestStudio();

  it('normalises to the outdoor preset as an undoable edit, then exports MP3 and Broadcast WAV that measure on target', async () => {
    const asset = await importFile(studio, speechWav(temp.dir, 'take.wav', 5, 48000, 1));
    let doc = await studio.call('edit.open', { assetId: asset.id });
    doc = await studio.call('edit.apply', { documentId: doc.id, op: { type: 'delete', start: 2, end: 3 } });

    const job = await finished(studio, await studio.call('audio.normalize', { documentId: doc.id, preset: 'outdoor' }));
    expect(job.state).toBe('done');
    doc = (job.result as { document: EditDocument }).document;
    expect(doc.ops.at(-1)).toMatchObject({ type: 'normalize', target: -16, ceilingDb: -1 });
    expect(doc.master).not.toBeNull();
    const measured = await studio.call('audio.loudness', { documentId: doc.id });
    expect(Math.abs(measured.integrated! + 16)).toBeLessThanOrEqual(0.2);
    expect(measured.truePeak!).toBeLessThanOrEqual(-1);

    const mp3 = path.join(temp.dir, 'bản tin.mp3');
    const mp3Job = await finished(
      studio,
      await studio.call('audio.export', {
        documentId: doc.id,
        format: 'mp3',
        sampleRate: 44100,
        bitrate: 128,
        outPath: mp3,
        title: 'Bản tin sáng',
        author: 'Nguyễn Văn A',
        album: 'Chương trình thời sự',
        comment: 'Phát lúc 6 giờ',
        language: 'vi',
      }),
    );
    expect(mp3Job.state).toBe('done');
    const mp3Info = probe(mp3);
    expect(mp3Info.stream).toMatchObject({ codec_name: 'mp3', sample_rate: '44100', channels: 1 });
    expect(Number(mp3Info.bit_rate)).toBeGreaterThan(120000);
    expect(Number(mp3Info.bit_rate)).toBeLessThan(136000);
    expect(mp3Info.tags).toMatchObject({ title: 'Bản tin sáng', artist: 'Nguyễn Văn A', album: 'Chương trình thời sự', comment: 'Phát lúc 6 giờ', language: 'vie' });
    // 4 s after the delete; MP3 frames add at most ~50 ms of padding
    expect(mp3Info.duration).toBeGreaterThan(3.99);
    expect(mp3Info.duration).toBeLessThan(4.06);
    // the MP3 itself, decoded by ffmpeg, is on target: the encoder's loudness shift is corrected
    expect(Math.abs(ffmpegLoudness(mp3).integrated + 16)).toBeLessThanOrEqual(0.2);
    expect(Math.abs((mp3Job.result as ExportResult).loudness.integrated! + 16)).toBeLessThanOrEqual(0.2);
    expect(fs.readdirSync(temp.dir).filter((f) => f.endsWith('.part'))).toEqual([]);

    const wav = path.join(temp.dir, 'ban-tin.wav');
    const wavJob = await finished(studio, await studio.call('audio.export', { documentId: doc.id, format: 'wav', sampleRate: 48000, outPath: wav, title: 'Bản tin', author: 'Trung tâm' }));
    const result = wavJob.result as ExportResult;
    expect(result.durationSec).toBe(4);
    const wavInfo = probe(wav);
    expect(wavInfo.stream).toMatchObject({ codec_name: 'pcm_s24le', sample_rate: '48000', channels: 1 });
    expect(wavInfo.duration).toBeCloseTo(4, 6);
    // ffmpeg's WAV demuxer exposes the bext chunk as tags
    expect(wavInfo.tags).toMatchObject({ comment: 'Bản tin', encoded_by: 'Trung tâm' });
    expect(wavInfo.tags?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const bext = readBextLoudness(wav);
    expect(bext.integrated).toBeCloseTo(result.loudness.integrated!, 2);
    expect(bext.truePeak).toBeCloseTo(result.loudness.truePeak!, 2);
    expect(Math.abs(ffmpegLoudness(wav).integrated - result.loudness.integrated!)).toBeLessThanOrEqual(0.1);

    // undoing the normalise restores the original level
    const undone = await studio.call('edit.undo', { documentId: doc.id });
    expect(undone.master).toBeNull();
  });

  it('fails an export into a missing folder with a clear error', async () => {
    const asset = await importFile(studio, speechWav(temp.dir, 'x.wav', 1, 48000, 1));
    const doc = await studio.call('edit.open', { assetId: asset.id });
    await expect(
      studio.call('audio.export', { documentId: doc.id, format: 'wav', outPath: path.join(temp.dir, 'no', 'such', 'dir', 'a.wav') }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

/** A 64 KB tmpfs stands in for a full disk where the machine allows mounting (root on Linux). */
function tinyDisk(): { dir: string; release: () => void } | null {
  const dir = fs.mkdtempSync(path.join(temp.dir, 'tiny-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  return mounted ? { dir, release: () => void spawnSync('umount', [dir]) } : null;
}

describe('a full disk', () => {
  const studio = useTestStudio();
  const disk = tinyDisk();
  afterAll(() => disk?.release());

  it.skipIf(disk === null)('fails the export with a clear io_error and leaves no partial file', async () => {
    const asset = await importFile(studio, speechWav(temp.dir, 'full.wav', 3, 48000, 2));
    const doc = await studio.call('edit.open', { assetId: asset.id });
    const job = await finished(studio, await studio.call('audio.export', { documentId: doc.id, format: 'wav', outPath: path.join(disk!.dir, 'out.wav') }));
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'io_error' });
    expect(job.error!.message).toMatch(/không đủ dung lượng đĩa|disk is full/);
    expect(fs.readdirSync(disk!.dir)).toEqual([]);
    // the library is as it was and still works
    expect((await studio.call('edit.get', { documentId: doc.id })).ops).toEqual([]);
  });
});

function readBextLoudness(file: string) {
  const raw = fs.readFileSync(file);
  expect(raw.toString('ascii', 12, 16)).toBe('bext');
  return { integrated: raw.readInt16LE(20 + 412) / 100, range: raw.readInt16LE(20 + 414) / 100, truePeak: raw.readInt16LE(20 + 416) / 100 };
}

describe('programme rendering', () => {
  const studio = useTestStudio();

  it('renders jingle, bulletins with gaps and a ducked music bed; the programme then uses the real length', { timeout: 180_000 }, async () => {
    const jingle = await importFile(studio, speechWav(temp.dir, 'jingle.wav', 1, 44100, 2));
    const speech1 = await importFile(studio, speechWav(temp.dir, 's1.wav', 2, 48000, 1));
    const speech2 = await importFile(studio, speechWav(temp.dir, 's2.wav', 1.5, 22050, 1));
    const bed = await importFile(studio, speechWav(temp.dir, 'bed.wav', 10, 48000, 2));
    const b1 = await studio.call('bulletin.create', { title: 'Tin 1', script: 'Một hai ba. '.repeat(200), audioAssetId: speech1.id });
    const b2 = await studio.call('bulletin.create', { title: 'Tin 2', script: 'x', audioAssetId: speech2.id });
    for (const b of [b1, b2]) {
      await studio.call('bulletin.transition', { id: b.id, to: 'submitted' });
      await studio.call('bulletin.transition', { id: b.id, to: 'approved', approver: 'Trưởng đài' });
    }
    const p = await studio.call('programme.create', { title: 'Thời sự sáng' });
    await studio.call('programme.addItem', { programmeId: p.id, kind: 'jingle', assetId: jingle.id });
    await studio.call('programme.addItem', { programmeId: p.id, kind: 'music_bed', assetId: bed.id });
    await studio.call('programme.addItem', { programmeId: p.id, kind: 'bulletin', bulletinId: b1.id });
    await studio.call('programme.addItem', { programmeId: p.id, kind: 'bulletin', bulletinId: b2.id });
    // edit bulletin 1's audio: the render uses the edit
    const doc = await studio.call('edit.open', { assetId: speech1.id });
    await studio.call('edit.apply', { documentId: doc.id, op: { type: 'trim', start: 0, end: 1.5 } });

    const job = await finished(studio, await studio.call('programme.render', { programmeId: p.id, gapSec: 0.5, duckDb: -20 }));
    expect(job.state).toBe('done');
    const rendered = job.result as RenderedProgramme;
    // 1 (jingle) + 0.5 + 1.5 (edited bulletin 1) + 0.5 + 1.5 (bulletin 2)
    expect(rendered.durationSec).toBeCloseTo(5, 3);
    const info = probe(path.join(studio.dataDir, rendered.media));
    expect(info.stream).toMatchObject({ sample_rate: '48000', channels: 2 });
    expect(info.duration).toBeCloseTo(5, 3);
    const programme = await studio.call('programme.get', { id: p.id });
    expect(programme.totalSec).toBeCloseTo(5, 1);
    expect(programme.rendered?.media).toBe(rendered.media);
    // a change to the items makes the render stale: back to the estimate
    await studio.call('programme.removeItem', { programmeId: p.id, itemId: programme.items[3]!.id });
    expect((await studio.call('programme.get', { id: p.id })).rendered).toBeNull();

    const out = path.join(temp.dir, 'programme.mp3');
    const exported = await finished(studio, await studio.call('audio.export', { programmeId: p.id, format: 'mp3', outPath: out, sampleRate: 48000 }));
    expect(exported.state).toBe('done');
    expect(probe(out).tags).toMatchObject({ title: 'Thời sự sáng', album: 'Thời sự sáng' });
  });

  it('refuses a programme whose bulletin has no audio yet', async () => {
    const b = await studio.call('bulletin.create', { title: 'Chưa ghi âm' });
    await studio.call('bulletin.transition', { id: b.id, to: 'submitted' });
    await studio.call('bulletin.transition', { id: b.id, to: 'approved', approver: 'Trưởng đài' });
    const p = await studio.call('programme.create', { title: 'P' });
    await studio.call('programme.addItem', { programmeId: p.id, kind: 'bulletin', bulletinId: b.id });
    await expect(studio.call('programme.render', { programmeId: p.id })).rejects.toMatchObject({ code: 'conflict' });
  });
});
