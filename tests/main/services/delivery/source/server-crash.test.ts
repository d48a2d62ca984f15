/**
 * The reference server is killed (-9) in the middle of a 50 MB upload and started again: the
 * outbox resumes from the server's offset, re-sends at most one chunk, and the server's copy
 * matches the sha256. The largest test of the suite; the others use a few MB.
 */
process.env.STUDIO_OUTBOX_RETRY_BASE_MS = '200';

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeError, type ErrorPayload } from '../../../../../src/shared/errors.ts';
import { useTestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { approvedBulletin, issueToken, startServerProcess, waitFor, type ServerProcess } from './fixtures.ts';

const studio = useTestStudio();
const serverDir = makeTempDir('source-server-');
let server: ServerProcess | null = null;
let proxy: FaultProxy | null = null;
afterEach(async () => {
  await server?.stop();
  await proxy?.close();
  serverDir.remove();
});

const MiB = 1024 * 1024;

it('resumes a 50 MB upload after the server is killed and restarted, re-sending at most one chunk', { timeout: 120_000 }, async () => {
  server = await startServerProcess(serverDir.dir);
  const port = server.port;
  // Throttled so the kill lands mid-upload whatever the machine's speed (50 MB at 25 MB/s ≈ 2 s).
  proxy = await startFaultProxy({ targetPort: port, bytesPerSecond: 25 * MiB });
  const chunkSizeMiB = 4;
  await studio.call('delivery.settings.update', { serverUrl: proxy.url, token: issueToken(serverDir.dir), chunkSizeMiB });
  const bulletin = await approvedBulletin(studio, { bytes: 50 * MiB, priority: 'priority' });
  const item = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });

  const outbox = studio.services.delivery.outbox;
  await waitFor(() => outbox.get(item.id).sentBytes >= 15 * MiB, '15 MB sent');
  await server.kill9();
  const sentAtKill = outbox.get(item.id).sentBytes;
  expect(sentAtKill).toBeLessThan(50 * MiB);

  // While the server is down the item waits in the queue with a clear error.
  const waiting = await waitFor(() => {
    const current = outbox.get(item.id);
    return current.state === 'queued' && current.lastError ? current : null;
  }, 'the failure to be recorded', 30_000);
  expect(waiting.lastError!.code).toBe('unreachable');
  expect(describeError(waiting.lastError as ErrorPayload, 'vi')).toMatch(/Không kết nối được máy chủ/);

  server = await startServerProcess(serverDir.dir, { port });
  const done = await waitFor(() => {
    const current = outbox.get(item.id);
    return current.state === 'delivered' ? current : null;
  }, 'delivery after restart', 90_000, 100, () => JSON.stringify(outbox.get(item.id)));

  expect(done.remoteStatus).toBe('received');
  // Everything sent once, plus at most the one chunk that was in flight at the kill.
  expect(done.wireBytes).toBeGreaterThanOrEqual(50 * MiB);
  expect(done.wireBytes).toBeLessThanOrEqual(50 * MiB + chunkSizeMiB * MiB);

  const asset = studio.services.library.assets.get(bulletin.audioAssetId!);
  const uploads = path.join(serverDir.dir, 'uploads');
  const stored = fs.readdirSync(uploads).filter((name) => !name.endsWith('.json'));
  expect(stored).toHaveLength(1);
  const hash = crypto.createHash('sha256');
  for await (const part of fs.createReadStream(path.join(uploads, stored[0]!))) hash.update(part as Buffer);
  expect(hash.digest('hex')).toBe(asset.sha256);
});
