import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUpdates, type FolderServer, type VerifiedUpdate } from '../../../../src/main/services/updates/index.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { createNsisUpdater } from './electron-updater-harness.ts';
import { blockmapOf, installerBytes, makeRelease } from './release-fixture.ts';

/**
 * The folder source end to end under Node: a release is prepared into a "USB" folder, verified,
 * served on 127.0.0.1, and electron-updater's own NsisUpdater (generic provider, download cache,
 * sha512 check) fetches it. Tampering after our check is caught by electron-updater's own check.
 */
describe('electron-updater against a served update folder', () => {
  let temp: { dir: string; remove: () => void };
  let server: FolderServer | null = null;
  const updates = () => createUpdates({ currentVersion: '0.1.0', dataDir: path.join(temp.dir, 'data') });

  beforeEach(() => {
    temp = makeTempDir('studio-updates-');
  });
  afterEach(async () => {
    await server?.close();
    server = null;
    temp.remove();
  });

  async function prepareAndServe(version = '0.2.0', allowDowngrade = false): Promise<{ update: VerifiedUpdate; usb: string }> {
    const release = makeRelease(path.join(temp.dir, 'release'), version, { notes: 'Sửa lỗi đọc ngày tháng.' });
    const usb = path.join(temp.dir, 'usb');
    await updates().prepareFolder({ installer: release.installer, out: usb });
    const update = await updates().verifyFolder(usb, { allowDowngrade });
    server = await updates().serveFolder(update);
    return { update, usb };
  }

  it('finds the update, downloads the installer and verifies its sha512', async () => {
    const { update, usb } = await prepareAndServe();
    const { updater, signatureChecks } = createNsisUpdater({ currentVersion: '0.1.0', root: path.join(temp.dir, 'app'), feedUrl: server!.url });
    const progress: number[] = [];
    updater.on('download-progress', (p: { percent: number }) => progress.push(p.percent));

    const check = await updater.checkForUpdates();
    expect(check?.isUpdateAvailable).toBe(true);
    expect(check?.updateInfo).toMatchObject({ version: '0.2.0', releaseNotes: 'Sửa lỗi đọc ngày tháng.' });

    const [downloaded] = await updater.downloadUpdate();
    const expected = fs.readFileSync(path.join(usb, update.installer.url));
    expect(fs.readFileSync(downloaded!).equals(expected)).toBe(true);
    // The packaged config names the publisher, so electron-updater asked for the signature check.
    expect(signatureChecks).toEqual([{ publisherNames: ['Studio test'], file: expect.stringContaining('temp-') }]);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('agrees with electron-updater on which versions are an update', async () => {
    const pairs = [
      ['0.1.0', '0.2.0'],
      ['0.9.9', '0.10.0'],
      ['1.2.0-beta.2', '1.2.0-beta.10'],
      ['1.2.0-rc.1', '1.2.0'],
      ['1.2.0', '1.2.0-rc.1'],
      ['1.2.0+win.5', '1.2.0+win.6'],
      ['2.0.0', '1.99.99'],
    ];
    for (const [current, candidate] of pairs) {
      const { updater } = createNsisUpdater({ currentVersion: current!, root: path.join(temp.dir, `app-${current}`), feedUrl: 'http://127.0.0.1:9/' });
      const theirs = await (updater as unknown as { isUpdateAvailable(info: object): Promise<boolean> }).isUpdateAvailable({ version: candidate, files: [], path: '', sha512: '', releaseDate: '' });
      const ours = createUpdates({ currentVersion: current!, dataDir: temp.dir }).assessManifest(
        `version: ${candidate}\nfiles:\n  - url: a.exe\n    sha512: x\n`,
        { allowDowngrade: true },
      ).relation;
      expect(ours === 'newer', `${current} → ${candidate}`).toBe(theirs);
    }
  });

  it('handles the installer name electron-builder really writes, with spaces', async () => {
    const release = makeRelease(path.join(temp.dir, 'release'), '0.2.0', { name: 'Studio Setup 0.2.0.exe' });
    const usb = path.join(temp.dir, 'usb');
    const update = await updates().prepareFolder({ installer: release.installer, out: usb });
    expect(update.servedFiles).toContain('Studio Setup 0.2.0.exe.blockmap');
    server = await updates().serveFolder(await updates().verifyFolder(usb));
    const { updater } = createNsisUpdater({ currentVersion: '0.1.0', root: path.join(temp.dir, 'app'), feedUrl: server.url });
    await updater.checkForUpdates();
    const [downloaded] = await updater.downloadUpdate();
    expect(path.basename(downloaded!)).toBe('Studio Setup 0.2.0.exe');
    expect(fs.readFileSync(downloaded!).equals(fs.readFileSync(release.installer))).toBe(true);
  });

  it('refuses an installer whose signature is not the configured publisher', async () => {
    await prepareAndServe();
    const { updater } = createNsisUpdater({
      currentVersion: '0.1.0',
      root: path.join(temp.dir, 'app'),
      feedUrl: server!.url,
      publisherName: ['Trung tâm VH-TT-TT tỉnh'],
      verifySignature: async () => 'signed by someone else',
    });
    await updater.checkForUpdates();
    await expect(updater.downloadUpdate()).rejects.toMatchObject({ code: 'ERR_UPDATER_INVALID_SIGNATURE' });
  });

  it('refuses a byte flipped on the stick after the folder was checked', async () => {
    const { update, usb } = await prepareAndServe();
    const file = path.join(usb, update.installer.url);
    const bytes = fs.readFileSync(file);
    bytes[1000] = bytes[1000]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const { updater, cacheDir } = createNsisUpdater({ currentVersion: '0.1.0', root: path.join(temp.dir, 'app'), feedUrl: server!.url });
    await updater.checkForUpdates();
    await expect(updater.downloadUpdate()).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    // Nothing half-downloaded is left to install.
    expect(fs.readdirSync(path.join(cacheDir, 'pending')).filter((f) => f.endsWith('.exe'))).toEqual([]);
    // And our own check now refuses the folder outright.
    await expect(updates().verifyFolder(usb)).rejects.toMatchObject({ code: 'update_file_altered', message: 'updates.sha512_mismatch' });
  });

  it('refuses a file truncated on the stick after the folder was checked', async () => {
    const { update, usb } = await prepareAndServe();
    const file = path.join(usb, update.installer.url);
    fs.truncateSync(file, fs.statSync(file).size - 4096);
    const { updater } = createNsisUpdater({ currentVersion: '0.1.0', root: path.join(temp.dir, 'app'), feedUrl: server!.url });
    await updater.checkForUpdates();
    await expect(updater.downloadUpdate()).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    await expect(updates().verifyFolder(usb)).rejects.toMatchObject({ code: 'update_file_altered', message: 'updates.size_mismatch' });
  });

  it('refuses a latest.yml whose sha512 is wrong', async () => {
    const { usb } = await prepareAndServe();
    const yml = path.join(usb, 'latest.yml');
    const wrong = crypto.createHash('sha512').update('another installer').digest('base64');
    fs.writeFileSync(yml, fs.readFileSync(yml, 'utf8').replace(/sha512: .+/g, `sha512: ${wrong}`));
    const { updater } = createNsisUpdater({ currentVersion: '0.1.0', root: path.join(temp.dir, 'app'), feedUrl: server!.url });
    await updater.checkForUpdates();
    await expect(updater.downloadUpdate()).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });
    await expect(updates().verifyFolder(usb)).rejects.toMatchObject({ code: 'update_file_altered', message: 'updates.sha512_mismatch' });
  });

  it('does not offer an older version, and neither does our check', async () => {
    const { usb } = await prepareAndServe('0.0.9', true);
    await expect(updates().verifyFolder(usb)).rejects.toMatchObject({ code: 'update_not_newer', message: 'updates.downgrade' });
    expect((await updates().verifyFolder(usb, { allowDowngrade: true })).relation).toBe('older');
    const { updater } = createNsisUpdater({ currentVersion: '0.1.0', root: path.join(temp.dir, 'app'), feedUrl: server!.url });
    expect((await updater.checkForUpdates())?.isUpdateAvailable).toBe(false);
  });

  it('refuses a folder whose block map is missing, and serves the block map electron-updater asks for', async () => {
    const { update, usb } = await prepareAndServe();
    const blockmapUrl = `${server!.url}${update.installer.url}.blockmap`;
    expect((await fetch(blockmapUrl)).status).toBe(200);
    fs.rmSync(path.join(usb, `${update.installer.url}.blockmap`));
    await expect(updates().verifyFolder(usb)).rejects.toMatchObject({ code: 'update_missing_file', message: 'updates.blockmap_missing' });
  });

  it('downloads only the changed blocks with Range requests when the previous installer is cached', async () => {
    const oldData = installerBytes('studio 0.1.0', 400 * 1024);
    const newData = Buffer.from(oldData);
    installerBytes('changed', 20 * 1024).copy(newData, 64 * 1024);
    installerBytes('changed too', 10 * 1024).copy(newData, 300 * 1024);
    const release = makeRelease(path.join(temp.dir, 'release'), '0.2.0', { data: newData });
    const usb = path.join(temp.dir, 'usb');
    await updates().prepareFolder({ installer: release.installer, out: usb });
    server = await updates().serveFolder(await updates().verifyFolder(usb));

    const { updater, cacheDir, log } = createNsisUpdater({ currentVersion: '0.1.0', root: path.join(temp.dir, 'app'), feedUrl: server.url });
    // What a previous update leaves in electron-updater's cache: the installed version's installer and its block map.
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(path.join(cacheDir, 'installer.exe'), oldData);
    fs.writeFileSync(path.join(cacheDir, 'current.blockmap'), blockmapOf(oldData));

    await updater.checkForUpdates();
    const [downloaded] = await updater.downloadUpdate();
    expect(fs.readFileSync(downloaded!).equals(newData)).toBe(true);
    expect(log.error.join('\n')).not.toMatch(/fallback to full download/);
    // Two separate changed regions, 4 blocks of 16 KiB: one multipart/byteranges request.
    expect(log.info.join('\n')).toMatch(/File has 4 changed blocks/);
    expect(log.info.join('\n')).toMatch(/Full: 400 KB, To download: 64 KB \(16%\)/);
  });
});
