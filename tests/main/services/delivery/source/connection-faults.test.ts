/**
 * Wrong token, expired token, server 500, server unreachable, wrong TLS certificate: each gives
 * its own clear (Vietnamese) error, the item stays queued, and once the cause is fixed it goes.
 */
process.env.STUDIO_OUTBOX_RETRY_BASE_MS = '100';

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxError, OutboxItem } from '../../../../../src/shared/api/delivery.ts';
import { describeError, StudioError, type ErrorPayload } from '../../../../../src/shared/errors.ts';
import { createToken } from '../../../../../src/source-server/db.ts';
import { startSourceServer, type SourceServer, type SourceServerOptions } from '../../../../../src/source-server/server.ts';
import { useTestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { approvedBulletin, waitFor } from './fixtures.ts';

/** What the user reads (in Vietnamese) for an item's last error or a refused request. */
const said = (error: OutboxError | null | undefined) => describeError(error as ErrorPayload, 'vi');
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: StudioError) => ({ code: error.code, said: describeError(error.toPayload(), 'vi') }),
  );

describe('connection faults keep the item queued with a clear error', () => {
  const studio = useTestStudio();
  const dirs: ReturnType<typeof makeTempDir>[] = [];
  const servers: SourceServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    for (const dir of dirs.splice(0)) dir.remove();
  });

  async function server(options: Partial<SourceServerOptions> = {}): Promise<SourceServer> {
    const dir = makeTempDir('source-server-');
    dirs.push(dir);
    const started = await startSourceServer({ dataDir: dir.dir, log: () => undefined, ...options });
    servers.push(started);
    return started;
  }

  const outbox = () => studio.services.delivery.outbox;

  /** Queues a small bulletin and waits until its first attempt has failed. */
  async function failedAttempt(): Promise<OutboxItem> {
    const bulletin = await approvedBulletin(studio, { bytes: 300_000 });
    const queued = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
    return waitFor(() => {
      const item = outbox().get(queued.id);
      return item.lastError && item.attempts >= 1 ? item : null;
    }, 'a failed attempt', 30_000);
  }

  async function expectDeliveredAfterRetry(item: OutboxItem): Promise<void> {
    await studio.call('outbox.retry', { id: item.id });
    await waitFor(() => outbox().get(item.id).state === 'delivered', 'delivery after the fix', 30_000, 50, () => JSON.stringify(outbox().get(item.id)));
  }

  it('wrong token', async () => {
    const s = await server();
    createToken(s.db, 'xa-a');
    await studio.call('delivery.settings.update', { serverUrl: s.url, token: 'src_not-a-real-token-000000' });
    expect(await refusal(studio.call('delivery.testConnection', {}))).toMatchObject({ code: 'unauthorized', said: expect.stringMatching(/token sai/) });
    const item = await failedAttempt();
    expect(item.state).toBe('queued');
    expect(item.lastError).toMatchObject({ code: 'unauthorized' });
    expect(said(item.lastError)).toMatch(/từ chối mã truy cập/);
    await studio.call('delivery.settings.update', { token: createToken(s.db, 'xa-a') });
    await expectDeliveredAfterRetry(item);
  });

  it('expired token', async () => {
    const s = await server();
    await studio.call('delivery.settings.update', { serverUrl: s.url, token: createToken(s.db, 'xa-b', { expiresAt: new Date(Date.now() - 1000) }) });
    await expect(studio.call('delivery.testConnection', {})).rejects.toMatchObject({ code: 'token_expired' });
    const item = await failedAttempt();
    expect(item.state).toBe('queued');
    expect(item.lastError).toMatchObject({ code: 'token_expired' });
    expect(said(item.lastError)).toMatch(/hết hạn/);
    await studio.call('delivery.settings.update', { token: createToken(s.db, 'xa-b', { expiresAt: new Date(Date.now() + 3_600_000) }) });
    const info = await studio.call('delivery.testConnection', {});
    expect(info).toMatchObject({ ok: true, account: 'xa-b' });
    await expectDeliveredAfterRetry(item);
  });

  it('server answers 500', async () => {
    const broken = await server({ simulateStatus: 500 });
    await studio.call('delivery.settings.update', { serverUrl: broken.url, token: createToken(broken.db, 'xa-c') });
    const item = await failedAttempt();
    expect(item.state).toBe('queued');
    expect(item.lastError).toMatchObject({ code: 'server_error' });
    expect(said(item.lastError)).toMatch(/HTTP 500.*vẫn trong hộp thư đi/);
    // Retries go on with growing waits; the item is never dropped.
    await waitFor(() => outbox().get(item.id).attempts >= 3, 'more attempts', 30_000);
    const later = outbox().get(item.id);
    // Waiting for its next try, or in the middle of it: never dropped, never marked delivered.
    expect(['queued', 'sending']).toContain(later.state);
    expect(later.lastError?.code).toBe('server_error');
  });

  it('server unreachable', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    await studio.call('delivery.settings.update', { serverUrl: `http://127.0.0.1:${port}`, token: 'src_any-token-123456' });
    await expect(studio.call('delivery.testConnection', {})).rejects.toMatchObject({ code: 'unreachable' });
    const item = await failedAttempt();
    expect(item.state).toBe('queued');
    expect(item.lastError).toMatchObject({ code: 'unreachable' });
    expect(said(item.lastError)).toMatch(/Không kết nối được máy chủ/);
    expect(item.nextAttemptAt).not.toBeNull();

    // The address was mistyped: correcting it in Settings takes the waiting item along.
    const s = await server();
    await studio.call('delivery.settings.update', { serverUrl: s.url, token: createToken(s.db, 'xa-f') });
    expect(outbox().get(item.id).dest).toBe(s.url);
    await waitFor(() => outbox().get(item.id).state === 'delivered', 'delivery at the corrected address', 30_000);
  });

  it('audio file missing from the data folder', async () => {
    const s = await server();
    await studio.call('delivery.settings.update', { serverUrl: s.url, token: createToken(s.db, 'xa-g') });
    await studio.services.delivery.close();
    const bulletin = await approvedBulletin(studio, { bytes: 100_000 });
    const queued = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
    const file = path.join(studio.dataDir, studio.services.library.assets.get(bulletin.audioAssetId!).file);
    fs.renameSync(file, `${file}.away`);
    studio.services.delivery.start();
    const item = await waitFor(() => (outbox().get(queued.id).lastError ? outbox().get(queued.id) : null), 'a failed attempt', 30_000);
    expect(item.state).toBe('queued');
    expect(item.lastError).toMatchObject({ code: 'io_error' });
    expect(said(item.lastError)).toMatch(/Không tìm thấy tệp âm thanh/);
    expect(s.records.list(null)).toHaveLength(0);
    fs.renameSync(`${file}.away`, file);
    await expectDeliveredAfterRetry(item);
  });

  it('TLS certificate not trusted, then trusted', async () => {
    const certDir = makeTempDir('source-tls-');
    dirs.push(certDir);
    const key = path.join(certDir.dir, 'key.pem');
    const cert = path.join(certDir.dir, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' });
    const s = await server({ tls: { key: fs.readFileSync(key), cert: fs.readFileSync(cert) } });
    expect(s.url).toMatch(/^https:/);
    await studio.call('delivery.settings.update', { serverUrl: s.url, token: createToken(s.db, 'xa-d') });
    await expect(studio.call('delivery.testConnection', {})).rejects.toMatchObject({ code: 'tls_error' });
    const item = await failedAttempt();
    expect(item.state).toBe('queued');
    expect(item.lastError).toMatchObject({ code: 'tls_error' });
    expect(said(item.lastError)).toMatch(/Chứng chỉ bảo mật/);
    // The province hands over its certificate: trusting it lets the item go, over HTTPS.
    await studio.call('delivery.settings.update', { caCertPath: cert });
    await expectDeliveredAfterRetry(item);
    expect(s.records.list(null)[0]!.status).toBe('received');
  });
});
