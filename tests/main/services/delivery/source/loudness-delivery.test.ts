/**
 * Every delivered bulletin carries its loudness to the reference source server: figures measured
 * on import travel as they are; an older asset without figures is measured in a job when it is
 * queued (the item waits for it); an emergency item never waits and goes with null, the asset
 * being measured behind it. Audio made by sox, loudness checked against ffmpeg's ebur128.
 */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Asset, Bulletin, Priority } from '../../../../../src/shared/api/library-types.ts';
import type { StudioEvent } from '../../../../../src/shared/events.ts';
import { createToken } from '../../../../../src/source-server/db.ts';
import { DATABASE_FILE } from '../../../../../src/main/services/storage/database.ts';
import { openStudio } from '../../../../../src/main/studio.ts';
import { asTestStudio } from '../../../../helpers/studio.ts';
import { useTestStudio, type TestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { ffmpegLoudness } from '../../audio/ffmpeg-reference.ts';
import { useReferenceServer, waitFor } from './fixtures.ts';

const audio = makeTempDir('studio-loudness-audio-');
afterAll(() => audio.remove());

let counter = 0;
/** A 16-bit WAV from sox: pink noise with a tremolo, at a level of our choosing. */
function soxWav(volume: number): string {
  counter += 1;
  const file = path.join(audio.dir, `noise-${counter}.wav`);
  const run = spawnSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', file, 'synth', '6', 'pinknoise', 'vol', String(volume), 'tremolo', '0.5', '70'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return file;
}

async function importWith(studio: TestStudio, request: 'audio.import' | 'audio.import', file: string): Promise<Asset> {
  const job = await studio.call(request, { path: file });
  const done = await studio.services.jobs.wait(job.id);
  if (done.state !== 'done') throw new Error(`${request} failed: ${JSON.stringify(done.error)}`);
  return done.result as Asset;
}

/**
 * An asset from before loudness was measured on import (migration 11 left such rows without
 * figures): imported today, then its figures cleared as an older studio would have left them.
 */
async function olderAsset(studio: TestStudio, file: string): Promise<Asset> {
  const asset = await importWith(studio, 'audio.import', file);
  const db = new Database(path.join(studio.dataDir, DATABASE_FILE));
  try {
    db.prepare('UPDATE assets SET integrated_lufs = NULL, loudness_range_lu = NULL, true_peak_dbtp = NULL, loudness_measured_at = NULL WHERE id = ?').run(asset.id);
  } finally {
    db.close();
  }
  return studio.services.library.assets.get(asset.id);
}

async function approved(studio: TestStudio, asset: Asset, priority: Priority): Promise<Bulletin> {
  const bulletin = await studio.call('bulletin.create', { title: `Thông báo ${asset.id}`, category: 'health', language: 'vi', author: 'An', priority, audioAssetId: asset.id });
  await studio.call('bulletin.transition', { id: bulletin.id, to: 'submitted' });
  return studio.call('bulletin.transition', { id: bulletin.id, to: 'approved', approver: 'Bình' });
}

describe('delivered bulletins carry their loudness', () => {
  const studio = useTestStudio();
  const reference = useReferenceServer(studio);
  const connect = () => reference.connect();

  async function delivered(id: number) {
    return waitFor(() => {
      const item = studio.services.delivery.outbox.get(id);
      return item.state === 'delivered' ? item : null;
    }, 'delivery', 60_000, 50, () => JSON.stringify(studio.services.delivery.outbox.get(id)));
  }

  const recordOf = (sha256: string) => reference.server.records.list(null).find((r) => r.sha256 === sha256)!;

  it('sends the figures measured on import: integrated, range and true peak', async () => {
    await connect();
    const asset = await importWith(studio, 'audio.import', soxWav(0.3));
    expect(asset.loudness).not.toBeNull();
    const bulletin = await approved(studio, asset, 'normal');
    const queued = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
    // Already measured: nothing to wait for.
    expect(queued.nextAttemptAt).toBeNull();
    await delivered(queued.id);
    expect(recordOf(asset.sha256).metadata).toMatchObject({
      loudnessLufs: asset.loudness!.integratedLufs,
      loudnessRangeLu: asset.loudness!.rangeLu,
      truePeakDbtp: asset.loudness!.truePeakDbtp,
    });
  });

  it('measures an older asset without figures when it is queued, and sends the result', async () => {
    await connect();
    const file = soxWav(0.5);
    const asset = await olderAsset(studio, file);
    expect(asset.loudness).toBeNull();
    const bulletin = await approved(studio, asset, 'priority');
    const queued = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
    // Held for the measurement, not sent with null.
    expect(queued.nextAttemptAt).not.toBeNull();
    await delivered(queued.id);

    const reference = ffmpegLoudness(file);
    const sent = recordOf(asset.sha256).metadata;
    expect(Math.abs(sent.loudnessLufs! - reference.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(sent.truePeakDbtp! - reference.truePeak)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(sent.loudnessRangeLu! - reference.range)).toBeLessThanOrEqual(0.5);
    // The asset keeps the figures: the next delivery does not measure again.
    expect(studio.services.library.assets.get(asset.id).loudness).toMatchObject({ integratedLufs: sent.loudnessLufs, rangeLu: sent.loudnessRangeLu });
  });

  it('never holds an emergency item for the meter: it goes with null and the asset is filled in behind it', async () => {
    await connect();
    const asset = await olderAsset(studio, soxWav(0.4));
    expect(asset.loudness).toBeNull();
    const bulletin = await approved(studio, asset, 'emergency');
    const events: StudioEvent[] = [];
    const stop = studio.events.subscribe((event) => events.push(event));
    try {
      const queued = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
      expect(queued.nextAttemptAt).toBeNull();
      await delivered(queued.id);
      // Sending began before the measurement finished (it did not wait for it).
      const sendingAt = events.findIndex((e) => e.name === 'outbox.changed' && e.payload.id === queued.id && e.payload.state === 'sending');
      const measuredAt = events.findIndex((e) => e.name === 'job.finished' && e.payload.kind === 'audio.loudness');
      expect(sendingAt).toBeGreaterThanOrEqual(0);
      expect(measuredAt === -1 || sendingAt < measuredAt).toBe(true);
      expect(recordOf(asset.sha256).metadata.loudnessLufs).toBeNull();

      const filled = await waitFor(() => studio.services.library.assets.get(asset.id).loudness, 'the asset measured after sending', 30_000);
      const reference = ffmpegLoudness(path.join(studio.dataDir, asset.file));
      expect(Math.abs(filled.integratedLufs! - reference.integrated)).toBeLessThanOrEqual(0.1);
    } finally {
      stop();
    }
  });

  it('a studio closed before the measurement finished measures again on the next start, well inside the hold', async () => {
    await connect();
    const dir = makeTempDir('studio-loudness-restart-');
    try {
      const first = asTestStudio(openStudio({ dataDir: dir.dir, transport: 'test' }), dir.dir);
      await first.call('delivery.settings.update', { serverUrl: reference.server.url, token: createToken(reference.server.db, 'xa-sa-pa'), chunkSizeMiB: 1 });
      const file = soxWav(0.6);
      const asset = await olderAsset(first, file);
      const bulletin = await approved(first, asset, 'normal');
      const queued = await first.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
      expect(queued.nextAttemptAt).not.toBeNull();
      await first.close();

      const second = openStudio({ dataDir: dir.dir, transport: 'test' });
      try {
        const started = Date.now();
        await waitFor(() => second.services.delivery.outbox.get(queued.id).state === 'delivered', 'delivery after restart', 60_000);
        expect(Date.now() - started).toBeLessThan(30_000);
        const sent = reference.server.records.list(null).find((r) => r.sha256 === asset.sha256)!.metadata;
        expect(Math.abs(sent.loudnessLufs! - ffmpegLoudness(file).integrated)).toBeLessThanOrEqual(0.1);
      } finally {
        await second.close();
      }
    } finally {
      dir.remove();
    }
  });
});
