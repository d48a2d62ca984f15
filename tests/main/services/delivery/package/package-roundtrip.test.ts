import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackageConnector } from '../../../../../src/main/services/delivery/package/package-connector.ts';
import type { PackageManifest } from '../../../../../src/main/services/delivery/package/manifest.ts';
import { describeError, StudioError } from '../../../../../src/shared/errors.ts';
import { useTestStudio, type TestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { makeApprovedBulletin, payloadFor, sendContext } from './fixtures.ts';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function connectorFor(studio: TestStudio, destDir: string) {
  const { dataDir, version, library } = studio.services;
  return new PackageConnector({ dataDir, version, library }, destDir);
}

async function importPackage(studio: TestStudio, dir: string) {
  const job = await studio.call('package.import', { path: dir });
  return studio.services.jobs.wait(job.id);
}

/** The chain of names from the province down, for comparing areas across libraries. */
function areaChains(studio: TestStudio, ids: number[]): string[] {
  const byId = new Map(studio.services.library.areas.list().map((a) => [a.id, a]));
  return ids
    .map((id) => {
      const names: string[] = [];
      for (let area = byId.get(id); area; area = area.parentId === null ? undefined : byId.get(area.parentId)) {
        names.unshift(`${area.kind}:${area.name}:${area.code}`);
      }
      return names.join(' > ');
    })
    .sort();
}

/** A fresh "USB stick" folder per test. */
function useStick() {
  const stick = { dir: '' };
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('studio-usb-');
    stick.dir = temp.dir;
  });
  afterEach(() => temp.remove());
  return stick;
}

// One describe per case: useTestStudio gives one studio per describe block.
describe('bulletin package round trip', () => {
  const stick = useStick();
  const sender = useTestStudio();
  const receiver = useTestStudio();

  it('exports on one data directory and imports on another with every field and checksum equal', async () => {
    const bulletin = await makeApprovedBulletin(sender);
    const { ctx, progress, saved } = sendContext();
    const result = await connectorFor(sender, stick.dir).send(payloadFor(sender, bulletin, 'outbox-item-0001'), ctx);

    expect(result.status).toBe('received');
    expect(path.dirname(result.remoteId)).toBe(stick.dir);
    expect(path.basename(result.remoteId)).toMatch(/^canh-bao-lu-quet-ban-ho-\d+-\d{8}$/);
    expect(saved).toEqual([{ folder: result.remoteId }]);
    expect(progress.at(-1)).toBe(sender.services.library.assets.get(bulletin.audioAssetId!).bytes);
    // Only the finished package is on the stick: no temporary folder left behind.
    expect(fs.readdirSync(stick.dir)).toEqual([path.basename(result.remoteId)]);

    const manifest = JSON.parse(fs.readFileSync(path.join(result.remoteId, 'manifest.json'), 'utf8')) as PackageManifest;
    const sentAsset = sender.services.library.assets.get(bulletin.audioAssetId!);
    expect(manifest.format).toBe('studio.bulletin-package');
    expect(manifest.files).toEqual([
      { path: 'audio.wav', role: 'audio', sha256: sentAsset.sha256, bytes: sentAsset.bytes, mimeType: 'audio/wav' },
    ]);
    expect(sha256(path.join(result.remoteId, 'audio.wav'))).toBe(sentAsset.sha256);
    expect(manifest.bulletin.loudnessLufs).toBe(-23.4);

    // The preview reads the manifest only, and knows the package is new here.
    const preview = await receiver.call('package.inspect', { path: path.join(result.remoteId, 'manifest.json') });
    expect(preview).toMatchObject({
      dir: result.remoteId,
      packageId: 'outbox-item-0001',
      title: bulletin.title,
      priority: 'emergency',
      approver: 'Trần Văn Hùng',
      files: [{ path: 'audio.wav', bytes: sentAsset.bytes }],
      importedBulletinId: null,
      // The receiving centre has not yet trusted this studio's key.
      signature: 'untrusted',
    });
    // It does now (the province gave it the commune's key), so the approval travels with the package.
    const senderKey = (await sender.call('delivery.settings.get', {})).packageSigningKey;
    await receiver.call('delivery.settings.update', { trustedPackageKeys: [senderKey] });
    expect((await receiver.call('package.inspect', { path: result.remoteId })).signature).toBe('trusted');

    const done = await importPackage(receiver, result.remoteId);
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('done');
    expect(done.result).toMatchObject({ signature: 'trusted' });
    const imported = receiver.services.library.bulletins.get((done.result as { bulletin: { id: number } }).bulletin.id);
    const strip = ({ id: _id, createdAt: _c, updatedAt: _u, audioAssetId: _a, targetAreaIds: _t, ...rest }: typeof bulletin) => rest;
    expect(strip(imported)).toEqual(strip(bulletin));
    expect(areaChains(receiver, imported.targetAreaIds)).toEqual(areaChains(sender, bulletin.targetAreaIds));

    const gotAsset = receiver.services.library.assets.get(imported.audioAssetId!);
    // Loudness is measured on each side (asset.import measures now); package-loudness.test.ts checks it travels.
    const { id: _i, createdAt: _c, loudness: _l, ...sentFacts } = sentAsset;
    const { id: _j, createdAt: _d, loudness: _m, ...gotFacts } = gotAsset;
    expect(gotFacts).toEqual(sentFacts);
    expect(sha256(path.join(receiver.dataDir, gotAsset.file))).toBe(sentAsset.sha256);

    expect((await receiver.call('package.inspect', { path: result.remoteId })).importedBulletinId).toBe(imported.id);
    // The same package a second time is refused, and changes nothing.
    const again = await importPackage(receiver, path.join(result.remoteId, 'manifest.json'));
    expect(again.state).toBe('failed');
    expect(again.error?.code).toBe('conflict');
    expect((await receiver.call('bulletin.list', {})).total).toBe(1);
  });
});

describe('package connector: retries', () => {
  const stick = useStick();
  const sender = useTestStudio();

  it('does not write a second package when a delivery is retried', async () => {
    const bulletin = await makeApprovedBulletin(sender);
    const connector = connectorFor(sender, stick.dir);
    const first = await connector.send(payloadFor(sender, bulletin, 'outbox-item-0002'), sendContext().ctx);
    // The studio stopped before the outbox saved the folder: the retry has no resume state.
    const retry = await connector.send(payloadFor(sender, bulletin, 'outbox-item-0002'), sendContext().ctx);
    expect(retry.remoteId).toBe(first.remoteId);
    const other = await connector.send(payloadFor(sender, bulletin, 'outbox-item-0003'), sendContext().ctx);
    expect(other.remoteId).not.toBe(first.remoteId);
    expect(fs.readdirSync(stick.dir).filter((name) => !name.startsWith('.'))).toHaveLength(2);
  });
});

describe('package connector: bad input', () => {
  const stick = useStick();
  const sender = useTestStudio();

  it('refuses a bulletin without audio with a message for the editor', async () => {
    const draft = await sender.call('bulletin.create', { title: 'Chưa ghi âm' });
    const payload = payloadFor(sender, { ...draft, audioAssetId: (await makeApprovedBulletin(sender)).audioAssetId }, 'outbox-item-0004');
    const refused = await connectorFor(sender, stick.dir).send(payload, sendContext().ctx).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StudioError);
    expect(describeError((refused as StudioError).toPayload(), 'vi')).toMatch(/chưa có âm thanh/);
  });
});

describe('package connector: destination check', () => {
  const stick = useStick();
  const sender = useTestStudio();

  it('tests the destination folder: writable passes, a file in the way fails clearly', async () => {
    await expect(connectorFor(sender, stick.dir).test()).resolves.toMatchObject({ ok: true, server: stick.dir });
    const blocker = path.join(stick.dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    await expect(connectorFor(sender, path.join(blocker, 'usb')).test()).rejects.toMatchObject({ code: 'io_error' });
  });
});
