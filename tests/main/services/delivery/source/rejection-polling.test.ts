/**
 * The province rejects a bulletin after it arrived: the studio finds out by itself (background
 * status polling against the reference server over real HTTP) and the library shows the
 * rejection with its reason instead of "delivered". No outbox.refreshStatus is called.
 */
import { describe, expect, it } from 'vitest';
import { useTestStudio } from '../../../../helpers/studio.ts';
import { approvedBulletin, useReferenceServer, waitFor } from './fixtures.ts';

// Before the studio opens (useTestStudio opens it per test): ask every 200 ms instead of every minute.
process.env.STUDIO_STATUS_POLL_MS = '200';

describe('source-system statuses polled in the background', () => {
  const studio = useTestStudio();
  const reference = useReferenceServer(studio);

  it('a rejection reaches the library and the bulletin without a manual query', async () => {
    await reference.connect();
    const bulletin = await approvedBulletin(studio, { bytes: 300_000, title: 'Thông báo cắt điện' });
    const item = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
    const delivered = await waitFor(() => {
      const now = studio.services.delivery.outbox.get(item.id);
      return now.remoteId ? now : null;
    }, 'delivery');
    const summary = async () => (await studio.call('library.search', { text: 'cat dien' })).items.find((i) => i.id === bulletin.id)!;
    await expect.poll(async () => (await summary()).sourceVerdict?.status, { timeout: 30_000 }).toBe('received');

    const reason = 'Thiếu số điện thoại liên hệ của Điện lực';
    reference.server.records.setStatus(Number(delivered.remoteId), 'rejected', reason);
    await expect.poll(async () => (await summary()).sourceVerdict, { timeout: 30_000 }).toMatchObject({ status: 'rejected', reason });
    expect((await studio.call('bulletin.get', { id: bulletin.id })).sourceVerdict).toMatchObject({ status: 'rejected', reason });
    expect(studio.services.delivery.outbox.get(item.id)).toMatchObject({ remoteStatus: 'rejected', remoteReason: reason });
    // A final verdict is not asked for again.
    expect(studio.services.delivery.outbox.awaitingVerdict().map((i) => i.id)).not.toContain(item.id);
  });
});
