/**
 * Issue 8, item 8: the stored province token was sent to any host named in
 * `delivery.enqueue { dest }` or `delivery.testConnection { serverUrl }`. It now goes only to the
 * configured server's origin; another address needs its own token (`token_wrong_server`), and a
 * tus `Location` on another origin is refused (misbehaving-server.test.ts).
 */
process.env.STUDIO_OUTBOX_RETRY_BASE_MS = '100';

import { afterEach, describe, expect, it } from 'vitest';
import { createToken } from '../../../../../src/source-server/db.ts';
import { startSourceServer, type SourceServer } from '../../../../../src/source-server/server.ts';
import { startMisbehavingServer, type MisbehavingServer } from '../../../../helpers/misbehaving-source-server.ts';
import { useTestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { approvedBulletin, waitFor } from './fixtures.ts';

describe('issue 8 item 8: the stored token goes only to the configured server', () => {
  const studio = useTestStudio();
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function setUp() {
    const dir = makeTempDir('source-server-');
    closers.push(() => dir.remove());
    const configured: SourceServer = await startSourceServer({ dataDir: dir.dir, log: () => undefined });
    closers.push(() => configured.close());
    // A stranger's server that records what reaches it (answers like the real one would not matter).
    const stranger: MisbehavingServer = await startMisbehavingServer({ choose: () => 'proxy', upstream: configured.url });
    closers.push(() => stranger.close());
    const token = createToken(configured.db, 'xa-ban-ho');
    await studio.call('delivery.settings.update', { serverUrl: configured.url, token, chunkSizeMiB: 1 });
    return { configured, stranger, token };
  }

  it('delivery.testConnection { serverUrl } elsewhere without a token of its own is refused, nothing sent', async () => {
    const { stranger } = await setUp();
    await expect(studio.call('delivery.testConnection', { serverUrl: stranger.url })).rejects.toMatchObject({ code: 'token_wrong_server' });
    expect(stranger.requests).toEqual([]);
  });

  it('delivery.testConnection { serverUrl, token } elsewhere sends only the token it was given', async () => {
    const { stranger, configured } = await setUp();
    const own = createToken(configured.db, 'xa-khac');
    await expect(studio.call('delivery.testConnection', { serverUrl: stranger.url, token: own })).resolves.toMatchObject({ ok: true, account: 'xa-khac' });
    expect(stranger.requests.map((request) => request.authorization)).toEqual([`Bearer ${own}`]);
  });

  it('delivery.enqueue { dest } on another origin is refused before anything is queued', async () => {
    const { stranger } = await setUp();
    const bulletin = await approvedBulletin(studio, { bytes: 100_000 });
    await expect(studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source', dest: stranger.url })).rejects.toMatchObject({
      code: 'token_wrong_server',
    });
    await expect(studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source', dest: 'http://localhost:1/' })).rejects.toMatchObject({
      code: 'token_wrong_server',
    });
    expect(studio.services.delivery.outbox.list()).toEqual([]);
    expect(stranger.requests).toEqual([]);
  });

  it('a dest on the configured origin (another path) is accepted and delivered', async () => {
    const { configured } = await setUp();
    const bulletin = await approvedBulletin(studio, { bytes: 100_000 });
    const item = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source', dest: `${configured.url}/` });
    await waitFor(() => studio.services.delivery.outbox.get(item.id).state === 'delivered', 'delivery', 60_000);
  });

  it('an item queued for another origin by an older studio fails with a typed error and the token stays home', async () => {
    const { stranger, configured } = await setUp();
    // The configured server is down, so the item waits in the queue...
    await configured.close();
    const bulletin = await approvedBulletin(studio, { bytes: 100_000 });
    const item = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
    const outbox = studio.services.delivery.outbox;
    await waitFor(() => outbox.get(item.id).lastError?.code === 'unreachable', 'a first failure', 30_000);
    // ...and is pointed at the stranger's address, as an older version would have stored a --dest.
    studio.services.db.prepare('UPDATE outbox SET dest = ? WHERE id = ?').run(stranger.url, item.id);
    await studio.call('outbox.retry', { id: item.id });
    const failed = await waitFor(() => (outbox.get(item.id).lastError?.code === 'token_wrong_server' ? outbox.get(item.id) : null), 'the refusal', 30_000);
    expect(failed.state).toBe('queued');
    expect(stranger.requests).toEqual([]);
  });
});
