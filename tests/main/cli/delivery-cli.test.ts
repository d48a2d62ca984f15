import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PackageConnector } from '../../../src/main/services/delivery/package/package-connector.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { createAccount, createToken } from '../../../src/source-server/db.ts';
import { startSourceServer } from '../../../src/source-server/server.ts';
import { makeApprovedBulletin, payloadFor, sendContext, seedApprovedBulletin, useSuiteStudio } from '../services/delivery/package/fixtures.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');

/** Runs the real `studio` command (bin/studio.js) on a data directory. */
function studio(dataDir: string, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO, 'bin/studio.js'), ...args], {
    cwd: REPO,
    // A short retry base, so a test of a failed attempt does not wait through minutes of backoff.
    env: { ...process.env, STUDIO_DATA_DIR: dataDir, STUDIO_OUTBOX_RETRY_BASE_MS: '200' },
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
    const { dataDir, version, library } = sender.services;
    const connector = new PackageConnector({ dataDir, version, library }, usb.dir);
    return (await connector.send(payloadFor(sender, bulletin, key), sendContext().ctx)).remoteId;
  }

  it('imports a package into another data directory and prints the new bulletin', async () => {
    const folder = await writeOne('cli-package-0001');
    const run = await studio(receiver.dir, 'package', 'import', folder, '--json');
    expect(run.stderr).not.toMatch(/Lỗi/);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // The receiving library does not trust the sender's signing key: the approval is not taken over (issue 8).
    expect(result.bulletin).toMatchObject({ title: 'Cảnh báo lũ quét — Bản Hồ', priority: 'emergency', approver: null, status: 'submitted' });
    expect(result.signature).toBe('untrusted');

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

describe('studio deliver and studio outbox', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('delivers to a package folder, waits for the result and lists it in the outbox', async () => {
    const dataDir = path.join(temp.dir, 'package-studio');
    const usb = path.join(temp.dir, 'usb');
    const { id, sha256 } = await seedApprovedBulletin(dataDir);

    const run = await studio(dataDir, 'deliver', String(id), '--to', 'package', '--dest', usb, '--json');
    expect(run.stderr).toMatch(/Đã xếp vào hộp thư đi/);
    expect(run.code).toBe(0);
    const item = JSON.parse(run.stdout);
    expect(item).toMatchObject({ bulletinId: id, target: 'package', state: 'delivered', remoteStatus: 'received' });
    const manifest = JSON.parse(fs.readFileSync(path.join(item.remoteId, 'manifest.json'), 'utf8'));
    expect(manifest.files[0].sha256).toBe(sha256);
    expect(manifest.packageId).toBe(item.idempotencyKey);

    const outbox = await studio(dataDir, 'outbox', '--json');
    expect(outbox.code).toBe(0);
    expect(JSON.parse(outbox.stdout)).toEqual([expect.objectContaining({ id: item.id, state: 'delivered', target: 'package' })]);
    const bulletin = await studio(dataDir, 'bulletin', 'show', String(id));
    expect(JSON.parse(bulletin.stdout).status).toBe('delivered');
  });

  it('delivers to the reference source server with progress on stderr', async () => {
    const dataDir = path.join(temp.dir, 'source-studio');
    const server = await startSourceServer({ dataDir: path.join(temp.dir, 'source'), host: '127.0.0.1', port: 0, log: () => undefined });
    try {
      createAccount(server.db, 'xa-ta-van');
      const token = createToken(server.db, 'xa-ta-van');
      const { id, sha256 } = await seedApprovedBulletin(dataDir, async (s) => {
        // --dest names the configured server: the stored token goes to no other origin (issue 8).
        await s.call('delivery.settings.update', { serverUrl: server.url, token });
      });

      const run = await studio(dataDir, 'deliver', String(id), '--to', 'source', '--dest', server.url, '--json');
      expect(run.stderr).toMatch(/Đang gửi \/ sending: 100%/);
      expect(run.stderr).not.toContain(token);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ state: 'delivered', remoteStatus: 'received', dest: server.url });
      const records = server.records.list(null, 10);
      expect(records).toHaveLength(1);
      expect(JSON.stringify(records[0])).toContain(sha256);
    } finally {
      await server.close();
    }
  });

  it('stops after a failed attempt with the reason, and the item stays queued', async () => {
    const dataDir = path.join(temp.dir, 'offline-studio');
    const { id } = await seedApprovedBulletin(dataDir, async (s) => {
      // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
      await s.call('delivery.settings.update', { serverUrl: 'http://127.0.0.1:9', token: 'a-token-for-nowhere' });
    });
    const run = await studio(dataDir, 'deliver', String(id), '--to', 'source');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Lỗi lần 1/);
    expect(run.stderr).toMatch(/Lỗi: Không kết nối được máy chủ.*vẫn nằm trong hộp thư đi/);

    // Any studio process resumes the outbox, this listing too: the item may already be on its next try.
    const outbox = JSON.parse((await studio(dataDir, 'outbox', '--json')).stdout);
    expect(outbox).toEqual([expect.objectContaining({ bulletinId: id, deliveredAt: null, lastError: expect.objectContaining({ code: 'unreachable' }) })]);
    expect(['queued', 'sending']).toContain(outbox[0].state);
  });

  it('refuses a package delivery without a destination folder', async () => {
    const run = await studio(path.join(temp.dir, 'package-studio'), 'deliver', '1', '--to', 'package');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--dest/);
  });
});
