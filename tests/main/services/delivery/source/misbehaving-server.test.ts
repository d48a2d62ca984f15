/**
 * Issue 8, item 5: a misbehaving source server can exhaust memory (bodies buffered without a
 * cap), stall forever (a drip defeats idle timeouts) and, with one stuck item, block the whole
 * outbox. Driven with a real misbehaving HTTP server in front of the reference server: every
 * misbehaviour ends in a typed error (never `internal`), bounded in bytes and time, and the other
 * items in the outbox are delivered meanwhile.
 */
process.env.STUDIO_OUTBOX_RETRY_BASE_MS = '100';
// The production deadline is a minute; a drill gives up on a stalled answer after 2 s.
process.env.STUDIO_SOURCE_DEADLINE_MS = '2000';

import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../../src/shared/api/delivery.ts';
import { createToken } from '../../../../../src/source-server/db.ts';
import { startSourceServer, type SourceServer } from '../../../../../src/source-server/server.ts';
import { startMisbehavingServer, type MisbehavingServer, type Misbehaviour } from '../../../../helpers/misbehaving-source-server.ts';
import { useTestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { approvedBulletin, waitFor } from './fixtures.ts';

describe('issue 8 item 5: a misbehaving source server cannot exhaust, stall or block the studio', () => {
  const studio = useTestStudio();
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  /** The reference server behind a misbehaving one; the studio is pointed at the misbehaving one. */
  async function setUp(choose: (request: { method: string; path: string; body: unknown }) => Misbehaviour) {
    const dir = makeTempDir('source-server-');
    closers.push(() => dir.remove());
    const reference: SourceServer = await startSourceServer({ dataDir: dir.dir, log: () => undefined });
    closers.push(() => reference.close());
    // Another origin, which must never hear from the studio.
    const elsewhere = await startMisbehavingServer({ choose: () => 'null' });
    closers.push(() => elsewhere.close());
    const bad: MisbehavingServer = await startMisbehavingServer({ choose, upstream: reference.url, elsewhere: elsewhere.url, dripEveryMs: 200 });
    closers.push(() => bad.close());
    const token = createToken(reference.db, 'xa-ban-ho');
    await studio.call('delivery.settings.update', { serverUrl: bad.url, token, chunkSizeMiB: 1 });
    return { reference, bad, elsewhere, token };
  }

  async function firstFailure(title: string): Promise<OutboxItem> {
    const bulletin = await approvedBulletin(studio, { bytes: 200_000, title });
    const queued = await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
    return waitFor(() => {
      const item = studio.services.delivery.outbox.get(queued.id);
      return item.lastError && item.attempts >= 1 ? item : null;
    }, `a failed attempt of ${title}`, 60_000);
  }

  const onRegister = (behaviour: Misbehaviour) => (request: { method: string; path: string }) =>
    request.method === 'POST' && request.path === '/api/v1/bulletins' ? behaviour : 'proxy';

  const cases: [Misbehaviour, string][] = [
    ['endless', 'response_too_large'],
    ['drip', 'server_too_slow'],
    ['garbage', 'bad_response'],
    ['null', 'bad_response'],
    ['redirect', 'server_error'],
    ['drop', 'unreachable'],
  ];

  for (const [behaviour, code] of cases) {
    it(`the connection test: ${behaviour} → ${code}`, async () => {
      const { bad, elsewhere } = await setUp(() => behaviour);
      const started = Date.now();
      await expect(studio.call('delivery.testConnection', {})).rejects.toMatchObject({ code });
      // Bounded in time: the deadline (2 s here), not the drip, ends it; loose bound for a loaded machine.
      expect(Date.now() - started).toBeLessThan(30_000);
      if (behaviour === 'endless') expect(Math.max(...bad.endlessBytes)).toBeLessThan(64 * 1024 * 1024);
      // A redirect is not followed: the other origin never hears from the studio.
      expect(elsewhere.requests).toEqual([]);
    });

    it(`the outbox: ${behaviour} on registration → ${code}, the item stays queued`, async () => {
      const { elsewhere } = await setUp(onRegister(behaviour));
      const item = await firstFailure(`Tin ${behaviour}`);
      expect(item.state === 'queued' || item.state === 'sending').toBe(true);
      expect(item.lastError?.code).toBe(code);
      expect(elsewhere.requests).toEqual([]);
    });
  }

  it('a server answering null to a status query is a typed error, not internal', async () => {
    const { bad } = await setUp((request) => (request.method === 'GET' && request.path.startsWith('/api/v1/bulletins/') ? 'null' : 'proxy'));
    const item = await firstFailure('Tin trạng thái null');
    expect(item.lastError?.code).toBe('bad_response');
    expect(bad.requests.some((request) => request.behaviour === 'null')).toBe(true);
  });

  it('an endless answer to an upload chunk is cut off at the tus answer cap', async () => {
    const { bad } = await setUp((request) => (request.method === 'PATCH' ? 'endless' : 'proxy'));
    const item = await firstFailure('Tin trả lời vô tận');
    expect(item.lastError?.code).toBe('response_too_large');
    expect(Math.max(...bad.endlessBytes)).toBeLessThan(64 * 1024 * 1024);
  });

  it('garbage in answer to the upload creation is a typed error', async () => {
    await setUp((request) => (request.method === 'POST' && request.path === '/files' ? 'garbage' : 'proxy'));
    const item = await firstFailure('Tin tạo tải lên hỏng');
    expect(item.lastError?.code).toBe('server_error');
  });

  it('a tus Location on another host is refused and the token never goes there', async () => {
    const { elsewhere } = await setUp((request) => (request.method === 'POST' && request.path === '/files' ? 'location-elsewhere' : 'proxy'));
    const item = await firstFailure('Tin chuyển hướng');
    expect(item.lastError?.code).toBe('redirect_refused');
    expect(elsewhere.requests).toEqual([]);
  });

  it('one stuck item does not block the others: they are delivered while it waits for its retry', async () => {
    await setUp((request) => {
      const title = (request.body as { title?: string } | undefined)?.title ?? '';
      return request.method === 'POST' && request.path === '/api/v1/bulletins' && title.startsWith('Kẹt') ? 'drip' : 'proxy';
    });
    const stuck = await approvedBulletin(studio, { bytes: 200_000, title: 'Kẹt: máy chủ nhỏ giọt' });
    const stuckItem = await studio.call('delivery.enqueue', { bulletinId: stuck.id, to: 'source' });
    const others: OutboxItem[] = [];
    for (const title of ['Lịch tiêm chủng', 'Thông báo họp thôn']) {
      const bulletin = await approvedBulletin(studio, { bytes: 200_000, title });
      others.push(await studio.call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' }));
    }
    const outbox = studio.services.delivery.outbox;
    await waitFor(() => others.every((item) => outbox.get(item.id).state === 'delivered'), 'the other items delivered', 120_000, 100, () =>
      JSON.stringify(outbox.list()),
    );
    const after = outbox.get(stuckItem.id);
    expect(after.state).not.toBe('delivered');
    expect(after.lastError?.code).toBe('server_too_slow');
  });
});
