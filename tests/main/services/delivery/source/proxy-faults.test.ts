/** Faults on the line between the studio and the source system, made by a loopback proxy. */
process.env.STUDIO_OUTBOX_RETRY_BASE_MS = '100';

import type { OutboxItem } from '../../../../../src/shared/api/delivery.ts';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { createToken } from '../../../../../src/source-server/db.ts';
import { startSourceServer, type SourceServer } from '../../../../../src/source-server/server.ts';
import { startFaultProxy, type FaultProxy, type FaultProxyOptions } from './fault-proxy.ts';
import { approvedBulletin, waitFor } from './fixtures.ts';
import { SourceConnector } from '../../../../../src/main/services/delivery/source/source-connector.ts';

const MiB = 1024 * 1024;

describe('a faulty line', () => {
  const studio = useTestStudio();
  let serverDir: ReturnType<typeof makeTempDir>;
  let server: SourceServer;
  let proxy: FaultProxy;
  const serverLog: string[] = [];
  afterEach(async () => {
    await proxy?.close();
    await server?.close();
    serverDir?.remove();
  });

  async function setup(faults: Omit<FaultProxyOptions, 'targetPort'>): Promise<void> {
    serverDir = makeTempDir('source-server-');
    server = await startSourceServer({ dataDir: serverDir.dir, log: (line) => serverLog.push(line) });
    proxy = await startFaultProxy({ targetPort: server.port, ...faults });
    await studio.call('delivery.settings.update', { serverUrl: proxy.url, token: createToken(server.db, 'xa-ta-van'), chunkSizeMiB: 1 });
  }

  it('delivers every queued item exactly once while connections drop at random', { timeout: 120_000 }, async () => {
    const seed = Number(process.env.DROP_SEED ?? 20261122);
    await setup({ drop: { seed, maxBytes: 1.5 * MiB, maxDrops: 10 } });
    await studio.services.delivery.close();
    const items: OutboxItem[] = [];
    for (let i = 0; i < 6; i += 1) {
      const bulletin = await approvedBulletin(studio, { bytes: 2 * MiB + i * 1000, priority: i % 3 === 0 ? 'emergency' : 'normal' });
      items.push(await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' }));
    }
    studio.services.delivery.start();
    const outbox = studio.services.delivery.outbox;
    await waitFor(() => items.every((item) => outbox.get(item.id).state === 'delivered'), `all delivered (seed ${seed})`, 100_000, 100, () =>
      JSON.stringify(items.map((item) => outbox.get(item.id)).map(({ id, state, sentBytes, attempts, lastError }) => ({ id, state, sentBytes, attempts, lastError }))),
    );
    expect(proxy.stats.drops, `seed ${seed}`).toBe(10);

    const records = server.records.list(null, 1000);
    expect(records, `seed ${seed}`).toHaveLength(items.length);
    expect(new Set(records.map((r) => r.idempotencyKey))).toEqual(new Set(items.map((i) => i.idempotencyKey)));
    for (const item of items) {
      const record = records.find((r) => r.idempotencyKey === item.idempotencyKey)!;
      const bulletin = studio.services.library.bulletins.get(item.bulletinId!);
      expect(record.status).toBe('received');
      expect(record.receivedSha256).toBe(studio.services.library.assets.get(bulletin.audioAssetId!).sha256);
      expect(outbox.get(item.id).remoteId).toBe(record.id);
    }
  });

  it('lets an emergency bulletin jump ahead of an upload in progress, which then resumes', async () => {
    await setup({ bytesPerSecond: 2 * MiB });
    const outbox = studio.services.delivery.outbox;
    const normal = await studio.call('delivery.enqueue', { bulletinId: (await approvedBulletin(studio, { bytes: 6 * MiB })).id, to: 'source' });
    await waitFor(() => outbox.get(normal.id).sentBytes >= 1 * MiB, 'the normal upload under way', 30_000);
    const urgent = await studio.call('delivery.enqueue', {
      bulletinId: (await approvedBulletin(studio, { bytes: 300_000, priority: 'emergency', title: 'Khẩn cấp: lũ quét' })).id,
      to: 'source',
    });
    await waitFor(() => outbox.get(urgent.id).state === 'delivered', 'the emergency delivery', 30_000);
    expect(outbox.get(normal.id).state).not.toBe('delivered');
    const done = await waitFor(() => (outbox.get(normal.id).state === 'delivered' ? outbox.get(normal.id) : null), 'the normal one after', 60_000);
    // Paused and resumed, not restarted: at most the interrupted chunk went twice.
    expect(done.wireBytes).toBeLessThanOrEqual(6 * MiB + 1 * MiB);
    expect(done.lastError).toBeNull();
  });

  it('gives up on a line that goes silent and resumes on a fresh connection', async () => {
    await setup({ stallAt: Math.round(1.5 * MiB) });
    const bulletin = await approvedBulletin(studio, { bytes: 3 * MiB });
    const asset = studio.services.library.assets.get(bulletin.audioAssetId!);
    let wire = 0;
    const connector = new SourceConnector({
      serverUrl: proxy.url,
      token: createToken(server.db, 'xa-h'),
      chunkSize: MiB,
      idleTimeoutMs: 1000,
      onWireBytes: (bytes) => (wire += bytes),
    });
    const result = await connector.send(
      {
        idempotencyKey: 'silent-line-0001',
        audioPath: path.join(studio.dataDir, asset.file),
        metadata: {
          bulletinId: bulletin.id, title: bulletin.title, category: bulletin.category, language: bulletin.language, priority: bulletin.priority,
          schedule: bulletin.schedule, repeat: bulletin.repeat, targetAreas: [], author: bulletin.author, approver: bulletin.approver,
          durationSec: asset.durationSec, loudnessLufs: null, sha256: asset.sha256, bytes: asset.bytes, fileName: 'a.mp3', mimeType: 'audio/mpeg',
        },
      },
      { signal: new AbortController().signal, resume: {}, saveResume: () => undefined, onProgress: () => undefined },
    );
    expect(proxy.stats.stalled).toBe(true);
    expect(result.status).toBe('received');
    expect(wire).toBe(3 * MiB + 1 * MiB);
  });

  it('detects a byte corrupted in transit and re-sends only that chunk', async () => {
    // 1.5 MiB into the client→server stream: inside the second 1 MiB chunk's body.
    await setup({ flipAt: Math.round(1.5 * MiB) });
    const bulletin = await approvedBulletin(studio, { bytes: 3 * MiB });
    const item = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
    const outbox = studio.services.delivery.outbox;
    const done = await waitFor(() => (outbox.get(item.id).state === 'delivered' ? outbox.get(item.id) : null), 'delivery', 60_000, 50, () =>
      JSON.stringify(outbox.get(item.id)),
    );
    expect(proxy.stats.flipped).toBe(true);
    expect(serverLog.some((line) => /failed its checksum/.test(line))).toBe(true);
    // Exactly one chunk went twice: the altered one.
    expect(done.wireBytes).toBe(3 * MiB + 1 * MiB);
    const [record] = server.records.list(null);
    expect(record!.receivedSha256).toBe(studio.services.library.assets.get(bulletin.audioAssetId!).sha256);
  });
});
