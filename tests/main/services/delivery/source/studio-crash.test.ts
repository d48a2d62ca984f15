/**
 * The studio host (the real browser-mode host process) is killed with -9 in the middle of an
 * upload and started again: its outbox picks the item up on its own and resumes from the
 * server's offset, without anyone pressing retry.
 */
import { afterEach, expect, it } from 'vitest';
import { openStudio } from '../../../../../src/main/studio.ts';
import { openDatabase } from '../../../../../src/main/services/storage/database.ts';
import { createToken } from '../../../../../src/source-server/db.ts';
import { startSourceServer, type SourceServer } from '../../../../../src/source-server/server.ts';
import { StudioError } from '../../../../../src/shared/errors.ts';
import { startHost, type RunningHost } from '../../../../helpers/browser-host.ts';
import type { TestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { startFaultProxy, type FaultProxy } from './fault-proxy.ts';
import { approvedBulletin, waitFor } from './fixtures.ts';

const MiB = 1024 * 1024;
const studioDir = makeTempDir('studio-host-');
const serverDir = makeTempDir('source-server-');
let server: SourceServer | null = null;
let proxy: FaultProxy | null = null;
let host: RunningHost | null = null;
afterEach(async () => {
  await host?.stop();
  await proxy?.close();
  await server?.close();
  studioDir.remove();
  serverDir.remove();
});

interface Row {
  state: string;
  sent_bytes: number;
  wire_bytes: number;
  resume: string;
  remote_status: string | null;
}

it('resumes the outbox by itself after the studio host is killed mid-upload', { timeout: 120_000 }, async () => {
  server = await startSourceServer({ dataDir: serverDir.dir, log: () => undefined });
  proxy = await startFaultProxy({ targetPort: server.port, bytesPerSecond: 3 * MiB });

  // Prepare the library and queue the item with the worker stopped, then close this studio.
  const prep = openStudio({ dataDir: studioDir.dir, transport: 'test' });
  await prep.services.delivery.close();
  const call: TestStudio['call'] = async (name, arg) => {
    const response = await prep.dispatch(name, arg, { actor: 'tester' });
    if (!response.ok) throw new StudioError(response.error.code, response.error.message);
    return response.result as never;
  };
  const studio = { ...prep, dataDir: studioDir.dir, call } as TestStudio;
  await call('delivery.settings.update', { serverUrl: proxy.url, token: createToken(server.db, 'xa-sa-pa'), chunkSizeMiB: 1 });
  const bulletin = await approvedBulletin(studio, { bytes: 8 * MiB });
  const item = await call('delivery.enqueue', { bulletinId: bulletin.id, to: 'source' });
  const sha256 = prep.services.library.assets.get(bulletin.audioAssetId!).sha256;
  await prep.close();

  const db = openDatabase(studioDir.dir, { readonly: true });
  const row = () => db.prepare('SELECT state, sent_bytes, wire_bytes, resume, remote_status FROM outbox WHERE id = ?').get(item.id) as Row;
  try {
    host = await startHost(studioDir.dir, { STUDIO_OUTBOX_RETRY_BASE_MS: '100' });
    await waitFor(() => row().sent_bytes >= 3 * MiB, '3 MB sent by the first host', 60_000, 50);
    await host.kill();
    const atCrash = row();
    expect(atCrash.state, JSON.stringify(atCrash)).toBe('sending');
    expect(JSON.parse(atCrash.resume).uploadUrl).toMatch(/\/files\//);

    host = await startHost(studioDir.dir, { STUDIO_OUTBOX_RETRY_BASE_MS: '100' });
    const done = await waitFor(() => (row().state === 'delivered' ? row() : null), 'delivery by the restarted host', 90_000, 100, () => JSON.stringify(row()));
    expect(done.remote_status).toBe('received');
    // Resumed, not restarted: at most the chunk in flight at the crash went twice.
    expect(done.wire_bytes).toBeLessThanOrEqual(8 * MiB + 1 * MiB);
    const records = server.records.list(null);
    expect(records).toHaveLength(1);
    expect(records[0]!.receivedSha256).toBe(sha256);
  } finally {
    db.close();
  }
});
