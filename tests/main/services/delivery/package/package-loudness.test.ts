/**
 * Loudness survives a package round trip: the outbox writes the asset's figures into manifest.json
 * and the receiving studio's asset comes in with the same figures (no re-measurement needed).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PackageManifest } from '../../../../../src/main/services/delivery/package/manifest.ts';
import type { Asset } from '../../../../../src/shared/api/library-types.ts';
import { useTestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { waitFor } from '../source/fixtures.ts';

const temp = makeTempDir('studio-package-loudness-');
afterAll(() => temp.remove());

describe('package round trip keeps loudness', () => {
  const sender = useTestStudio();
  const receiver = useTestStudio();

  it('manifest carries integrated, range and true peak; the imported asset has them', async () => {
    const wav = path.join(temp.dir, 'noise.wav');
    const sox = spawnSync('sox', ['-n', '-r', '48000', '-c', '2', '-b', '16', wav, 'synth', '6', 'pinknoise', 'vol', '0.35', 'tremolo', '0.4', '75'], { encoding: 'utf8' });
    expect(sox.status, sox.stderr).toBe(0);
    const job = await sender.call('audio.import', { path: wav });
    const asset = (await sender.services.jobs.wait(job.id)).result as Asset;
    expect(asset.loudness).not.toBeNull();
    const draft = await sender.call('bulletin.create', { title: 'Lịch cắt điện', category: 'economy', language: 'vi', author: 'Mai', priority: 'normal', audioAssetId: asset.id });
    await sender.call('bulletin.transition', { id: draft.id, to: 'submitted' });
    const bulletin = await sender.call('bulletin.transition', { id: draft.id, to: 'approved', approver: 'Hùng' });

    const stick = path.join(temp.dir, 'usb');
    fs.mkdirSync(stick);
    const queued = await sender.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'package', dest: stick });
    const done = await waitFor(() => {
      const item = sender.services.delivery.outbox.get(queued.id);
      return item.state === 'delivered' ? item : null;
    }, 'package written', 60_000);

    const manifest = JSON.parse(fs.readFileSync(path.join(done.remoteId!, 'manifest.json'), 'utf8')) as PackageManifest;
    expect(manifest.bulletin).toMatchObject({
      loudnessLufs: asset.loudness!.integratedLufs,
      loudnessRangeLu: asset.loudness!.rangeLu,
      truePeakDbtp: asset.loudness!.truePeakDbtp,
    });

    const imported = await receiver.services.jobs.wait((await receiver.call('package.import', { path: done.remoteId! })).id);
    expect(imported.error).toBeUndefined();
    const bulletinId = (imported.result as { bulletin: { id: number } }).bulletin.id;
    const got = receiver.services.library.assets.get(receiver.services.library.bulletins.get(bulletinId).audioAssetId!);
    expect(got.sha256).toBe(asset.sha256);
    const { measuredAt: _a, ...sentFigures } = asset.loudness!;
    const { measuredAt: _b, ...gotFigures } = got.loudness!;
    expect(gotFigures).toEqual(sentFigures);
  });
});
