import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUpdates } from '../../../../src/main/services/updates/index.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { makeRelease, type FakeRelease } from './release-fixture.ts';

describe('update folders: prepare and verify', () => {
  let temp: { dir: string; remove: () => void };
  let release: FakeRelease;
  let usb: string;
  const updates = createUpdates({ currentVersion: '0.1.0', dataDir: '/nonexistent' });

  beforeEach(async () => {
    temp = makeTempDir('studio-update-folder-');
    release = makeRelease(path.join(temp.dir, 'release'), '0.2.0');
    usb = path.join(temp.dir, 'usb', 'cap-nhat');
    await updates.prepareFolder({ installer: release.installer, out: usb });
  });
  afterEach(() => temp.remove());

  const refusal = (code: string, reason: string) => expect.objectContaining({ code, message: `updates.${reason}` });

  it('copies the installer, its block map and latest.yml, leaving no temporary file', async () => {
    expect(fs.readdirSync(usb).sort()).toEqual(['Studio-Setup-0.2.0.exe', 'Studio-Setup-0.2.0.exe.blockmap', 'latest.yml']);
    for (const name of fs.readdirSync(usb)) expect(fs.readFileSync(path.join(usb, name)).equals(fs.readFileSync(path.join(release.dir, name)))).toBe(true);
    const update = await updates.verifyFolder(usb);
    expect(update).toMatchObject({ relation: 'newer', manifest: { version: '0.2.0' }, installer: { url: 'Studio-Setup-0.2.0.exe' } });
    expect(update.servedFiles).toEqual(['latest.yml', 'Studio-Setup-0.2.0.exe', 'Studio-Setup-0.2.0.exe.blockmap']);
  });

  it('prepares over an older update folder', async () => {
    const newer = makeRelease(path.join(temp.dir, 'release-3'), '0.3.0');
    await updates.prepareFolder({ installer: newer.installer, out: usb });
    expect((await updates.verifyFolder(usb)).manifest.version).toBe('0.3.0');
  });

  it('refuses to prepare from a damaged release, writing nothing', async () => {
    const bad = makeRelease(path.join(temp.dir, 'bad-release'), '0.4.0');
    fs.appendFileSync(bad.installer, 'x');
    const out = path.join(temp.dir, 'usb-2');
    await expect(updates.prepareFolder({ installer: bad.installer, out })).rejects.toThrow(refusal('update_file_altered', 'size_mismatch'));
    expect(fs.existsSync(out)).toBe(false);
    await expect(updates.prepareFolder({ installer: path.join(bad.dir, 'nope.exe'), out })).rejects.toThrow(refusal('update_missing_file', 'file_missing'));
    await expect(updates.prepareFolder({ installer: release.installer, out: release.dir })).rejects.toThrow(refusal('invalid_argument', 'output_inside_source'));
  });

  it('stops when cancelled, leaving no temporary file', async () => {
    const out = path.join(temp.dir, 'usb-cancelled');
    const controller = new AbortController();
    controller.abort();
    await expect(updates.prepareFolder({ installer: release.installer, out, signal: controller.signal })).rejects.toThrow(refusal('cancelled', 'cancelled'));
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
    await expect(updates.verifyFolder(usb, { signal: controller.signal })).rejects.toThrow(refusal('cancelled', 'cancelled'));
  });

  it('judges a server\'s latest.yml against the running version', () => {
    const text = fs.readFileSync(path.join(usb, 'latest.yml'), 'utf8');
    expect(updates.assessManifest(text)).toMatchObject({ relation: 'newer', manifest: { version: '0.2.0' } });
    expect(() => createUpdates({ currentVersion: '0.2.1', dataDir: '/x' }).assessManifest(text)).toThrow(refusal('update_not_newer', 'downgrade'));
  });

  it('refuses a flipped byte (same size) by its sha512', async () => {
    const file = path.join(usb, 'Studio-Setup-0.2.0.exe');
    const fd = fs.openSync(file, 'r+');
    const byte = Buffer.alloc(1);
    fs.readSync(fd, byte, 0, 1, 200_000);
    fs.writeSync(fd, Buffer.from([byte[0]! ^ 0x01]), 0, 1, 200_000);
    fs.closeSync(fd);
    await expect(updates.verifyFolder(usb)).rejects.toThrow(refusal('update_file_altered', 'sha512_mismatch'));
  });

  it('refuses a truncated installer by its size, before hashing', async () => {
    fs.truncateSync(path.join(usb, 'Studio-Setup-0.2.0.exe'), 1000);
    await expect(updates.verifyFolder(usb)).rejects.toThrow(
      expect.objectContaining({ code: 'update_file_altered', details: expect.objectContaining({ reason: 'size_mismatch', actual: 1000, file: 'Studio-Setup-0.2.0.exe' }) }),
    );
  });

  it('refuses a wrong sha512 in latest.yml, in base64 or hex', async () => {
    const yml = path.join(usb, 'latest.yml');
    const text = fs.readFileSync(yml, 'utf8');
    const other = crypto.createHash('sha512').update('other');
    fs.writeFileSync(yml, text.replace(/sha512: .+/g, `sha512: ${other.copy().digest('base64')}`));
    await expect(updates.verifyFolder(usb)).rejects.toThrow(refusal('update_file_altered', 'sha512_mismatch'));
    fs.writeFileSync(yml, text.replace(/sha512: .+/g, `sha512: ${other.digest('hex')}`));
    await expect(updates.verifyFolder(usb)).rejects.toThrow(refusal('update_file_altered', 'sha512_mismatch'));
    // The right digest in hex, as electron-updater also accepts, passes.
    const hex = crypto.createHash('sha512').update(fs.readFileSync(path.join(usb, 'Studio-Setup-0.2.0.exe'))).digest('hex');
    fs.writeFileSync(yml, text.replace(/sha512: .+/g, `sha512: ${hex}`));
    expect((await updates.verifyFolder(usb)).relation).toBe('newer');
  });

  it('refuses a downgrade or the running version unless forced', async () => {
    const older = createUpdates({ currentVersion: '0.3.0', dataDir: '/nonexistent' });
    await expect(older.verifyFolder(usb)).rejects.toThrow(refusal('update_not_newer', 'downgrade'));
    expect((await older.verifyFolder(usb, { allowDowngrade: true })).relation).toBe('older');
    await expect(createUpdates({ currentVersion: '0.2.0', dataDir: '/x' }).verifyFolder(usb)).rejects.toThrow(refusal('update_not_newer', 'same_version'));
  });

  it('refuses a folder with a missing file, block map or latest.yml', async () => {
    fs.rmSync(path.join(usb, 'Studio-Setup-0.2.0.exe.blockmap'));
    await expect(updates.verifyFolder(usb)).rejects.toThrow(refusal('update_missing_file', 'blockmap_missing'));
    fs.rmSync(path.join(usb, 'Studio-Setup-0.2.0.exe'));
    await expect(updates.verifyFolder(usb)).rejects.toThrow(
      expect.objectContaining({ code: 'update_missing_file', details: expect.objectContaining({ reason: 'file_missing', file: 'Studio-Setup-0.2.0.exe' }) }),
    );
    fs.rmSync(path.join(usb, 'latest.yml'));
    await expect(updates.verifyFolder(usb)).rejects.toThrow(refusal('update_missing_file', 'manifest_missing'));
  });

  it('needs no separate block map for a file whose block map is embedded', async () => {
    const yml = path.join(usb, 'latest.yml');
    fs.writeFileSync(yml, fs.readFileSync(yml, 'utf8').replace(/(    size: \d+)/, '$1\n    blockMapSize: 1234'));
    fs.rmSync(path.join(usb, 'Studio-Setup-0.2.0.exe.blockmap'));
    expect((await updates.verifyFolder(usb)).servedFiles).toEqual(['latest.yml', 'Studio-Setup-0.2.0.exe']);
  });

  it('refuses a block map that is not one or does not describe the installer', async () => {
    const blockmap = path.join(usb, 'Studio-Setup-0.2.0.exe.blockmap');
    fs.writeFileSync(blockmap, 'not gzip');
    await expect(updates.verifyFolder(usb)).rejects.toThrow(refusal('update_file_altered', 'blockmap_invalid'));
    fs.writeFileSync(blockmap, zlib.gzipSync(JSON.stringify({ version: '2', files: [{ name: 'file', offset: 0, checksums: ['a'], sizes: [10] }] })));
    await expect(updates.verifyFolder(usb)).rejects.toThrow(refusal('update_file_altered', 'blockmap_invalid'));
  });

  it('refuses a latest.yml pointing outside its folder or naming no installer', async () => {
    const yml = path.join(usb, 'latest.yml');
    const text = fs.readFileSync(yml, 'utf8');
    for (const url of ['../Studio-Setup-0.2.0.exe', 'sub/Studio-Setup-0.2.0.exe', 'https://example.org/Studio-Setup-0.2.0.exe', '..\\\\x.exe']) {
      fs.writeFileSync(yml, text.replace('url: Studio-Setup-0.2.0.exe', `url: '${url}'`));
      await expect(updates.verifyFolder(usb), url).rejects.toThrow(refusal('update_invalid_manifest', 'url_outside_folder'));
    }
    fs.writeFileSync(yml, text.replace('url: Studio-Setup-0.2.0.exe', 'url: Studio-0.2.0.zip'));
    await expect(updates.verifyFolder(usb)).rejects.toThrow(refusal('update_invalid_manifest', 'no_installer'));
  });
});
