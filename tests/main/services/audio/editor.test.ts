import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderToMemory } from '../../../../src/main/services/audio/render.ts';
import { readWavFile, WavReader } from '../../../../src/main/services/audio/wav-reader.ts';
import { openStudio } from '../../../../src/main/studio.ts';
import { AudioService } from '../../../../src/main/services/audio/audio-service.ts';
import { useTestStudio } from '../../../helpers/studio.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { importFile, speechWav } from './fixtures.ts';

const temp = makeTempDir('studio-editor-');
afterAll(() => temp.remove());

describe('edit documents through the requests', () => {
  const studio = useTestStudio();

  it('applies every op, undoes and redoes them all, and renders sample-exact from the source', async () => {
    const source = speechWav(temp.dir, 'take.wav', 3, 48000, 2);
    const asset = await importFile(studio, source);
    const original = readWavFile(source).channels;
    let doc = await studio.call('edit.open', { assetId: asset.id });
    expect(doc).toMatchObject({ sampleRate: 48000, channels: 2, durationSec: 3, canUndo: false, canRedo: false });
    const audio = new AudioService(studio.services);
    const rendered = () => {
      const { asset: a, timeline } = audio.edits.load(doc.id);
      const reader = WavReader.open(path.join(studio.dataDir, a.file));
      try {
        return renderToMemory(timeline, reader);
      } finally {
        reader.close();
      }
    };
    const snapshots = [rendered()];
    const steps = [
      { type: 'delete', start: 1, end: 2 },
      { type: 'copy', start: 0, end: 0.5 },
      { type: 'paste', at: 1.25 },
      { type: 'cut', start: 0.1, end: 0.2 },
      { type: 'insertSilence', at: 0.5, duration: 0.25 },
      { type: 'fadeIn', start: 0, end: 0.3 },
      { type: 'fadeOut', start: 2, end: 2.4 },
      { type: 'gain', start: 0.5, end: 1, db: -6 },
      { type: 'marker', at: 1, name: 'Tin thứ hai' },
      { type: 'trim', start: 0.05, end: 2.35 },
    ] as const;
    for (const op of steps) {
      doc = await studio.call('edit.apply', { documentId: doc.id, op });
      if (op.type !== 'copy') snapshots.push(rendered());
    }
    expect(doc.durationSec).toBeCloseTo(2.3, 6);
    expect(doc.markers).toEqual([{ name: 'Tin thứ hai', at: 0.95 }]);
    // delete [1, 2) exactly: the first edit alone, checked against the source samples
    const afterDelete = snapshots[1]!;
    expect(afterDelete[0]!.length).toBe(48000 * 2);
    expect(Array.from(afterDelete[0]!.subarray(47990, 48010))).toEqual([
      ...Array.from(original[0]!.subarray(47990, 48000)),
      ...Array.from(original[0]!.subarray(96000, 96010)),
    ]);

    // undo everything: each step gives back the previous render exactly
    for (let i = snapshots.length - 1; i > 0; i--) {
      doc = await studio.call('edit.undo', { documentId: doc.id });
      expect(rendered()).toEqual(snapshots[i - 1]);
    }
    expect(doc.canUndo).toBe(false);
    expect(rendered()[1]).toEqual(original[1]);
    // and redo everything
    for (let i = 1; i < snapshots.length; i++) {
      doc = await studio.call('edit.redo', { documentId: doc.id });
      expect(rendered()).toEqual(snapshots[i]);
    }
    expect(doc.canRedo).toBe(false);
  }, 300_000); // eleven edits, each with its waveform job: minutes on a loaded 2-core machine

  it('rejects an empty selection and a paste with nothing copied, leaving the history as it was', async () => {
    const asset = await importFile(studio, speechWav(temp.dir, 'b.wav', 1, 44100, 1));
    const doc = await studio.call('edit.open', { assetId: asset.id });
    await expect(studio.call('edit.apply', { documentId: doc.id, op: { type: 'delete', start: 0.5, end: 0.5 } })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(studio.call('edit.apply', { documentId: doc.id, op: { type: 'paste', at: 0 } })).rejects.toMatchObject({ code: 'conflict' });
    await expect(studio.call('edit.apply', { documentId: doc.id, op: { type: 'delete', start: 1.5, end: 2 } })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(studio.call('edit.apply', { documentId: doc.id, op: { type: 'insertSilence', at: 1.01, duration: 1 } })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(studio.call('edit.apply', { documentId: 999, op: { type: 'delete', start: 0, end: 1 } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(studio.call('edit.undo', { documentId: doc.id })).rejects.toMatchObject({ code: 'conflict' });
    expect((await studio.call('edit.get', { documentId: doc.id })).ops).toEqual([]);
  });

  it('serves peaks of the edited timeline and a cached preview WAV of the edit', async () => {
    const asset = await importFile(studio, speechWav(temp.dir, 'c.wav', 2, 48000, 2));
    const doc = await studio.call('edit.open', { assetId: asset.id });
    const before = await studio.call('edit.peaks', { documentId: doc.id, pixelsPerSecond: 100 });
    expect(before.peaks).toHaveLength(2);
    expect(before.peaks[0]).toHaveLength(200);
    await studio.call('edit.apply', { documentId: doc.id, op: { type: 'insertSilence', at: 0, duration: 0.5 } });
    const after = await studio.call('edit.peaks', { documentId: doc.id, pixelsPerSecond: 100 });
    expect(after.durationSec).toBeCloseTo(2.5, 6);
    expect(after.peaks[0]!.slice(0, 50).every((v) => v === 0)).toBe(true);
    expect(after.peaks[0]!.slice(50, 250)).toEqual(before.peaks[0]);
    // zoomed in past the stored levels (256 frames a bin): read from the samples, exactly
    const fine = await studio.call('edit.peaks', { documentId: doc.id, pixelsPerSecond: 1000 });
    expect(fine.peaks[1]).toHaveLength(2500);
    const samples = readWavFile(path.join(studio.dataDir, asset.file)).channels[1]!;
    const pixel = 1200; // 1.2 s on the timeline = 0.7 s into the source (after 0.5 s of silence)
    const span = samples.subarray((pixel - 500) * 48, (pixel - 499) * 48);
    const lo = Math.min(0, ...span);
    const hi = Math.max(0, ...span);
    expect(fine.peaks[1]![pixel]).toBeCloseTo(Math.abs(lo) > Math.abs(hi) ? lo : hi, 4);
    const preview = await studio.call('edit.preview', { documentId: doc.id });
    expect(preview.durationSec).toBeCloseTo(2.5, 6);
    const file = path.join(studio.dataDir, preview.media);
    const wav = readWavFile(file);
    expect(wav.channels[0]!.length).toBe(48000 * 2.5);
    const mtime = fs.statSync(file).mtimeMs;
    expect((await studio.call('edit.preview', { documentId: doc.id })).media).toBe(preview.media);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });
});

describe('sources that came in without peaks', () => {
  const studio = useTestStudio();

  it('computes and stores peaks on first use (a WAV added by asset.import, as a recording is)', async () => {
    const file = speechWav(temp.dir, 'rec.wav', 2, 48000, 1, 'pcm16');
    const job = await studio.services.jobs.wait((await studio.call('audio.import', { path: file })).id);
    const asset = job.result as { id: number; sha256: string };
    const doc = await studio.call('edit.open', { assetId: asset.id });
    const peaks = await studio.call('edit.peaks', { documentId: doc.id, pixelsPerSecond: 50 });
    expect(peaks.peaks).toHaveLength(1);
    expect(peaks.peaks[0]).toHaveLength(100);
    expect(Math.max(...peaks.peaks[0]!.map(Math.abs))).toBeGreaterThan(0.05);
    expect(fs.existsSync(path.join(studio.dataDir, 'peaks', `${asset.sha256}.peaks`))).toBe(true);
    const loud = await studio.call('audio.loudness', { assetId: asset.id });
    expect(loud.integrated).toBeLessThan(0);
    await expect(studio.call('audio.loudness', { assetId: asset.id, documentId: doc.id } as never)).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('history across a restart', () => {
  it('keeps undo and redo after the studio is closed and opened again', async () => {
    const data = makeTempDir('studio-restart-');
    try {
      let studio = openStudio({ dataDir: data.dir, transport: 'test' });
      const call = async (s: typeof studio, name: string, arg: unknown) => {
        const r = await s.dispatch(name, arg, { actor: 't' });
        if (!r.ok) throw new Error(r.error.message);
        return r.result as never;
      };
      const job = await call(studio, 'audio.import', { path: speechWav(temp.dir, 'r.wav', 2, 48000, 1) }) as { id: string };
      const asset = (await studio.services.jobs.wait(job.id)).result as { id: number };
      const doc = (await call(studio, 'edit.open', { assetId: asset.id })) as { id: number };
      await call(studio, 'edit.apply', { documentId: doc.id, op: { type: 'delete', start: 0, end: 0.5 } });
      await call(studio, 'edit.apply', { documentId: doc.id, op: { type: 'gain', start: 0, end: 1, db: 3 } });
      await call(studio, 'edit.undo', { documentId: doc.id });
      await studio.close();

      studio = openStudio({ dataDir: data.dir, transport: 'test' });
      const reopened = (await call(studio, 'edit.open', { assetId: asset.id })) as { id: number; durationSec: number; canUndo: boolean; canRedo: boolean; ops: unknown[] };
      expect(reopened).toMatchObject({ id: doc.id, durationSec: 1.5, canUndo: true, canRedo: true });
      expect(reopened.ops).toEqual([{ type: 'delete', start: 0, end: 0.5 }]);
      const redone = (await call(studio, 'edit.redo', { documentId: doc.id })) as { ops: unknown[] };
      expect(redone.ops).toHaveLength(2);
      await studio.close();
    } finally {
      data.remove();
    }
  });
});
