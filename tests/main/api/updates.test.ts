/**
 * The updates requests through dispatch, on a real studio (database, job runner, the library
 * backup job) with electron-updater's own NsisUpdater as the installer (the harness runs it under
 * Node; only the installer's launch needs Electron).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronUpdaterInstaller } from '../../../src/main/app/updater-installer.ts';
import { parseAppUpdateConfig, PENDING_UPDATE_FILE, stringifyAppUpdateConfig } from '../../../src/main/services/updates/index.ts';
import type { UpdateState } from '../../../src/shared/api/updates.ts';
import type { JobInfo } from '../../../src/shared/api/jobs.ts';
import { useTestStudio } from '../../helpers/studio.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { createNsisUpdater, type Harness } from '../services/updates/electron-updater-harness.ts';
import { makeRelease } from '../services/updates/release-fixture.ts';

const studio = useTestStudio();
let temp: { dir: string; remove: () => void };
let states: UpdateState[];
let unsubscribe: () => void;
beforeEach(() => {
  temp = makeTempDir('studio-updates-api-');
  states = [];
  unsubscribe = studio.events.subscribe((event) => event.name === 'updates.changed' && states.push(event.payload.state));
});
afterEach(() => {
  unsubscribe();
  temp.remove();
});

const refusal = (code: string, reason: string) => expect.objectContaining({ code, details: expect.objectContaining({ reason }) });
const folderSource = (dir: string) => ({ kind: 'folder' as const, path: dir });

/** A release prepared onto a "USB stick" with the studio's own request. */
async function usbWith(version: string, notes = `Bản ${version}: sửa lỗi.`) {
  const release = makeRelease(path.join(temp.dir, `release-${version}`), version, { notes });
  const usb = path.join(temp.dir, `usb-${version}`);
  const job = await studio.call('updates.folder.prepare', { installer: release.installer, out: usb });
  expect(await studio.services.jobs.wait(job.id)).toMatchObject({ state: 'done', result: { folder: usb, version, files: [release.installerName, `${release.installerName}.blockmap`, 'latest.yml'] } });
  return { usb, installer: path.join(usb, release.installerName) };
}

/** electron-updater's NsisUpdater, attached as the Electron glue attaches autoUpdater. */
function attachElectronUpdater(publisherName = ['Studio test']): Harness {
  const harness = createNsisUpdater({ currentVersion: '0.1.0', root: path.join(temp.dir, 'app'), feedUrl: 'http://127.0.0.1:9/', publisherName });
  const packaged = parseAppUpdateConfig(stringifyAppUpdateConfig({ url: 'https://capnhat.example.invalid/studio/', publisherName, updaterCacheDirName: 'studio-updater' }));
  studio.services.updates.useInstaller(electronUpdaterInstaller(harness.updater), packaged);
  return harness;
}

describe('updates.settings', () => {
  it('keeps the source and the publisher, and refuses a server that is not https', async () => {
    expect(await studio.call('updates.settings.get', {})).toEqual({ source: null, publisherName: null });
    await studio.call('updates.settings.update', { source: { kind: 'server', url: 'https://capnhat.tinh.gov.vn/studio/' } });
    expect(await studio.call('updates.settings.update', { publisherName: 'Đài tỉnh' })).toEqual({
      source: { kind: 'server', url: 'https://capnhat.tinh.gov.vn/studio/' },
      publisherName: 'Đài tỉnh',
    });
    await expect(studio.call('updates.settings.update', { source: { kind: 'server', url: 'http://capnhat.tinh.gov.vn/' } })).rejects.toMatchObject({ code: 'invalid_argument' });
    expect((await studio.call('updates.settings.get', {})).source).toEqual({ kind: 'server', url: 'https://capnhat.tinh.gov.vn/studio/' });
  });
});

describe('updates.check', () => {
  it('shows the version and notes of a folder, and the state follows', async () => {
    const { usb } = await usbWith('0.2.0', 'Sửa lỗi đọc số điện thoại.');
    await studio.call('updates.settings.update', { source: folderSource(usb) });
    const check = await studio.call('updates.check', {});
    expect(check).toMatchObject({ currentVersion: '0.1.0', available: { version: '0.2.0', notes: 'Sửa lỗi đọc số điện thoại.', relation: 'newer' } });
    expect(states.map((s) => s.status)).toEqual(['checking', 'available']);
    expect(await studio.call('updates.status', {})).toMatchObject({ canInstall: false, state: { status: 'available', version: '0.2.0' } });
  });

  it('refuses a flipped byte, a truncated installer, a wrong sha512, a missing block map and a downgrade, each with its reason', async () => {
    const tamper = async (version: string, damage: (usb: string, installer: string) => void) => {
      const { usb, installer } = await usbWith(version);
      damage(usb, installer);
      return studio.call('updates.check', { from: folderSource(usb) });
    };
    await expect(tamper('0.2.0', (_, exe) => {
      const bytes = fs.readFileSync(exe);
      bytes[4242] = bytes[4242]! ^ 0x01;
      fs.writeFileSync(exe, bytes);
    })).rejects.toThrow(refusal('update_file_altered', 'sha512_mismatch'));
    expect(await studio.call('updates.status', {})).toMatchObject({ state: { status: 'error', error: { code: 'update_file_altered' } } });
    await expect(tamper('0.2.1', (_, exe) => fs.truncateSync(exe, 1000))).rejects.toThrow(refusal('update_file_altered', 'size_mismatch'));
    await expect(tamper('0.2.2', (usb) => {
      const yml = path.join(usb, 'latest.yml');
      const wrong = crypto.createHash('sha512').update('not this installer').digest('base64');
      fs.writeFileSync(yml, fs.readFileSync(yml, 'utf8').replace(/sha512: .+/g, `sha512: ${wrong}`));
    })).rejects.toThrow(refusal('update_file_altered', 'sha512_mismatch'));
    await expect(tamper('0.2.3', (_, exe) => fs.rmSync(`${exe}.blockmap`))).rejects.toThrow(refusal('update_missing_file', 'blockmap_missing'));
    await expect(tamper('0.0.9', () => undefined)).rejects.toThrow(refusal('update_not_newer', 'downgrade'));
    // A technician may force the older one.
    const { usb } = await usbWith('0.0.8');
    expect((await studio.call('updates.check', { from: folderSource(usb), allowDowngrade: true })).available).toMatchObject({ version: '0.0.8', relation: 'older' });
  });

  it('says "up to date" for the running version, and asks for a source when none is set', async () => {
    await expect(studio.call('updates.check', {})).rejects.toThrow(refusal('invalid_argument', 'no_source'));
    const { usb } = await usbWith('0.1.0');
    expect(await studio.call('updates.check', { from: folderSource(usb) })).toMatchObject({ available: null });
    expect(states.at(-1)).toEqual({ status: 'up-to-date', version: '0.1.0' });
  });

  it("reads a server's latest.yml over HTTP, and says when the server cannot be reached", async () => {
    const release = makeRelease(path.join(temp.dir, 'server'), '0.3.0', { notes: 'Từ máy chủ của tỉnh.' });
    const server = http.createServer((req, res) => {
      const file = path.join(release.dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname.replace('/studio/', '')));
      if (!fs.existsSync(file)) return void res.writeHead(404).end();
      res.end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/studio/`;
    try {
      expect(await studio.call('updates.check', { from: { kind: 'server', url } })).toMatchObject({ available: { version: '0.3.0', notes: 'Từ máy chủ của tỉnh.' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await expect(studio.call('updates.check', { from: { kind: 'server', url } })).rejects.toThrow(refusal('unreachable', 'server_unreachable'));
  });
});

describe('updates.download and updates.install, with electron-updater', () => {
  it('downloads through electron-updater with progress, backs the library up, then installs on quit', async () => {
    const harness = attachElectronUpdater();
    const { usb } = await usbWith('0.2.0');
    await studio.call('updates.settings.update', { source: folderSource(usb) });
    await studio.call('updates.check', {});
    expect(await studio.call('updates.status', {})).toMatchObject({ canInstall: true });

    const job = await studio.call('updates.download', {});
    expect(job.kind).toBe('updates.download');
    const done = await studio.services.jobs.wait(job.id);
    expect(done, JSON.stringify(done.error)).toMatchObject({ state: 'done', result: { version: '0.2.0' }, progress: 1 });
    const downloading = states.filter((s): s is Extract<UpdateState, { status: 'downloading' }> => s.status === 'downloading');
    expect(downloading.at(-1)!.progress.percent).toBe(100);
    expect(downloading.some((s) => s.progress.bytesPerSecond > 0 || s.progress.transferred > 0)).toBe(true);
    expect(states.at(-1)).toMatchObject({ status: 'ready', version: '0.2.0', backupPath: null });
    // electron-updater checked the signature with the packaged publisher, and kept the installer in its cache.
    expect(harness.signatureChecks.map((c) => c.publisherNames)).toEqual([['Studio test']]);
    expect(fs.readdirSync(path.join(harness.cacheDir, 'pending')).filter((f) => f.endsWith('.exe'))).toEqual(['Studio-Setup-0.2.0.exe']);

    const install = await studio.call('updates.install', { when: 'quit' });
    const installed = await studio.services.jobs.wait(install.id);
    expect(installed.state, JSON.stringify(installed.error)).toBe('done');
    const { backupPath } = (await studio.call('updates.status', {})).state as Extract<UpdateState, { status: 'installing' }>;
    expect(installed.result).toEqual({ version: '0.2.0', backupPath, when: 'quit' });
    expect(fs.existsSync(path.join(backupPath, 'studio.sqlite'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(studio.dataDir, PENDING_UPDATE_FILE), 'utf8'))).toEqual({ fromVersion: '0.1.0', toVersion: '0.2.0', backupPath });
    expect(harness.updater.autoInstallOnAppQuit).toBe(true);
    // The library backup job ran as the jobs panel shows any backup.
    expect(studio.services.jobs.list().map((j: JobInfo) => j.kind)).toEqual(expect.arrayContaining(['library.backup', 'updates.install', 'updates.download']));
  });

  it('checks the signature against the publisher chosen in Settings', async () => {
    const harness = attachElectronUpdater(['Packaged publisher']);
    const { usb } = await usbWith('0.2.0');
    await studio.call('updates.settings.update', { source: folderSource(usb), publisherName: 'Trung tâm VH-TT-TT tỉnh' });
    await studio.call('updates.check', {});
    const done = await studio.services.jobs.wait((await studio.call('updates.download', {})).id);
    expect(done.state).toBe('done');
    expect(harness.signatureChecks.map((c) => c.publisherNames)).toEqual([['Trung tâm VH-TT-TT tỉnh']]);
  });

  it('refuses a folder changed after the check, and goes back to "available" when cancelled', async () => {
    attachElectronUpdater();
    const { usb, installer } = await usbWith('0.2.0');
    await studio.call('updates.check', { from: folderSource(usb) });
    const cancelled = await studio.call('updates.download', {});
    studio.services.jobs.cancel(cancelled.id);
    expect(await studio.services.jobs.wait(cancelled.id)).toMatchObject({ state: 'cancelled' });
    expect((await studio.call('updates.status', {})).state).toMatchObject({ status: 'available', version: '0.2.0' });

    fs.appendFileSync(installer, 'x');
    const failed = await studio.services.jobs.wait((await studio.call('updates.download', {})).id);
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'update_file_altered', details: { reason: 'size_mismatch' } } });
    expect((await studio.call('updates.status', {})).state).toMatchObject({ status: 'error', error: { code: 'update_file_altered' } });
  });

  it('only the desktop app downloads: without electron-updater the request is refused, and install needs a download first', async () => {
    const { usb } = await usbWith('0.2.0');
    await studio.call('updates.check', { from: folderSource(usb) });
    await expect(studio.call('updates.download', {})).rejects.toThrow(refusal('invalid_transition', 'installer_unavailable'));
    attachElectronUpdater();
    await expect(studio.call('updates.install', { when: 'now' })).rejects.toThrow(refusal('invalid_transition', 'transition'));
  });

  it('refuses to download when the packaged app-update.yml names no publisher (electron-updater would skip the signature check)', async () => {
    const harness = attachElectronUpdater();
    studio.services.updates.useInstaller(electronUpdaterInstaller(harness.updater), null);
    const { usb } = await usbWith('0.2.0');
    await studio.call('updates.settings.update', { source: folderSource(usb), publisherName: 'Đài tỉnh' });
    await studio.call('updates.check', {});
    await expect(studio.call('updates.download', {})).rejects.toThrow(refusal('update_invalid_manifest', 'publisher_missing'));
    expect(harness.signatureChecks).toEqual([]);
  });
});
