import type { OutboxItem } from '../../../../../src/shared/api/delivery.ts';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestStudio } from '../../../../helpers/studio.ts';
import { SECRETS_FILE } from '../../../../../src/main/services/secrets/file-secrets.ts';
import type { StudioEvent } from '../../../../../src/shared/events.ts';
import { approvedBulletin, useReferenceServer, waitFor } from './fixtures.ts';

describe('delivery to the source system', () => {
  const studio = useTestStudio();
  const reference = useReferenceServer(studio);
  const connect = () => reference.connect();

  it('delivers audio and metadata once, verified by sha256, and reports the remote status', async () => {
    const token = await connect();
    const events: StudioEvent[] = [];
    studio.events.subscribe((event) => events.push(event));
    const bulletin = await approvedBulletin(studio, { bytes: 3 * 1024 * 1024 + 123, title: 'Tiêm chủng mở rộng' });

    const queued = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
    expect(queued.state).toBe('queued');
    const done = await waitFor(() => {
      const item = studio.services.delivery.outbox.get(queued.id);
      return item.state === 'delivered' ? item : null;
    }, 'delivery', 60_000, 50, () => JSON.stringify(studio.services.delivery.outbox.get(queued.id)));
    expect(done.remoteStatus).toBe('received');
    expect(done.sentBytes).toBe(done.totalBytes);
    // No chunk was sent twice on a clean line.
    expect(done.wireBytes).toBe(done.totalBytes);

    const [record] = reference.server.records.list(null);
    expect(reference.server.records.list(null)).toHaveLength(1);
    expect(record!.idempotencyKey).toBe(queued.idempotencyKey);
    expect(record!.metadata).toMatchObject({ title: 'Tiêm chủng mở rộng', category: 'health', language: 'vi', approver: 'Trần Thị Bình', author: 'Nguyễn Văn An' });
    const asset = studio.services.library.assets.get(bulletin.audioAssetId!);
    expect(record!.receivedSha256).toBe(asset.sha256);
    const stored = fs.readFileSync(path.join(reference.dataDir, 'uploads', fs.readdirSync(path.join(reference.dataDir, 'uploads')).find((f) => !f.endsWith('.json'))!));
    expect(stored.equals(fs.readFileSync(path.join(studio.dataDir, asset.file)))).toBe(true);
    expect((await studio.call('bulletin.get', { id: bulletin.id })).status).toBe('delivered');
    expect(events.some((e) => e.name === 'outbox.progress')).toBe(true);

    // The province approves it, then rejects it with a reason: status queries see both.
    reference.server.records.setStatus(Number(record!.id), 'approved', null);
    expect((await studio.call('outbox.refreshStatus', { id: queued.id })).remoteStatus).toBe('approved');
    reference.server.records.setStatus(Number(record!.id), 'rejected', 'Thiếu tên người duyệt cấp xã');
    const rejected = await studio.call('outbox.refreshStatus', { id: queued.id });
    expect(rejected).toMatchObject({ remoteStatus: 'rejected', remoteReason: 'Thiếu tên người duyệt cấp xã' });

    // The token is in a file only the user can read, and nowhere in the database or events.
    const secrets = fs.statSync(path.join(studio.dataDir, SECRETS_FILE));
    expect(secrets.mode & 0o777).toBe(0o600);
    const dbText = fs.readFileSync(path.join(studio.dataDir, 'studio.sqlite')).toString('latin1');
    expect(dbText.includes(token)).toBe(false);
    expect(JSON.stringify(events).includes(token)).toBe(false);
    expect(JSON.stringify(await studio.call('delivery.settings.get', {})).includes(token)).toBe(false);
  });

  it('sends emergency items before priority and normal ones', async () => {
    await connect();
    const normal = await approvedBulletin(studio, { bytes: 200_000, priority: 'normal' });
    const priority = await approvedBulletin(studio, { bytes: 200_000, priority: 'priority' });
    const emergency = await approvedBulletin(studio, { bytes: 200_000, priority: 'emergency' });
    // Queue them while the worker waits (no server URL change needed: pause by closing the runner).
    await studio.services.delivery.close();
    const items: OutboxItem[] = [];
    for (const b of [normal, priority, emergency]) items.push(await studio.call('delivery.enqueue', { bulletinId: b.id, to: 'source' }));
    studio.services.delivery.start();
    await waitFor(() => studio.services.delivery.outbox.list({ state: 'delivered' }).length === 3, 'three deliveries');
    const order = reference.server.records.list(null).reverse().map((r) => r.metadata.bulletinId);
    expect(order).toEqual([emergency.id, priority.id, normal.id]);
  });

  it('queues the same bulletin once, and refuses what is not approved', async () => {
    await connect();
    await studio.services.delivery.close();
    const b = await approvedBulletin(studio, { bytes: 1000 });
    const first = await studio.call('delivery.enqueue', { bulletinId: b.id, to: 'source' });
    const second = await studio.call('delivery.enqueue', { bulletinId: b.id, to: 'source' });
    expect(second.id).toBe(first.id);
    const draft = await studio.call('bulletin.create', { title: 'Nháp' });
    await expect(studio.call('delivery.enqueue', { bulletinId: draft.id, to: 'source' })).rejects.toMatchObject({ code: 'invalid_transition' });
  });
});
