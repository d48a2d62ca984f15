import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackageConnector } from '../../../src/main/services/delivery/package/package-connector.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { makeApprovedBulletin, payloadFor, sendContext, useSuiteStudio } from '../services/delivery/package/fixtures.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');

/** Runs the real `studio` command (bin/studio.js) on a data directory. */
function studio(dataDir: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/studio.js'), ...args], {
    cwd: REPO,
    env: { ...process.env, STUDIO_DATA_DIR: dataDir },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('studio package import', () => {
  const sender = useSuiteStudio();
  const receiver = makeTempDir();
  const usb = makeTempDir('studio-usb-');
  afterAll(() => {
    receiver.remove();
    usb.remove();
  });

  async function writeOne(key: string): Promise<string> {
    const bulletin = await makeApprovedBulletin(sender);
    const { dataDir, version, bulletins, areas, assets } = sender.services;
    const connector = new PackageConnector({ dataDir, version, bulletins, areas, assets }, usb.dir);
    return (await connector.send(payloadFor(sender, bulletin, key), sendContext().ctx)).remoteId;
  }

  it('imports a package into another data directory and prints the new bulletin', async () => {
    const folder = await writeOne('cli-package-0001');
    const run = await studio(receiver.dir, 'package', 'import', folder, '--json');
    expect(run.stderr).not.toMatch(/Lỗi/);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.bulletin).toMatchObject({ title: 'Cảnh báo lũ quét — Bản Hồ', priority: 'emergency', approver: 'Trần Văn Hùng', status: 'approved' });

    const shown = await studio(receiver.dir, 'bulletin', 'show', String(result.bulletin.id));
    expect(JSON.parse(shown.stdout).script).toMatch(/nguy cơ lũ quét/);
  });

  it('refuses an altered package with a Vietnamese and English message and exit code 1', async () => {
    const folder = await writeOne('cli-package-0002');
    fs.appendFileSync(path.join(folder, 'audio.wav'), Buffer.from([0]));
    const run = await studio(receiver.dir, 'package', 'import', folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Lỗi: Gói dữ liệu bị từ chối/);
    expect(run.stderr).toMatch(/Error: Package refused.*audio\.wav/);
    const list = await studio(receiver.dir, 'bulletin', 'list', '--json');
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it('says what is wrong with a path that is not a package', async () => {
    const run = await studio(receiver.dir, 'package', 'import', path.join(usb.dir, 'no-such-folder'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Không tìm thấy/);
  });
});
