/**
 * Two studios on one library (the desktop app and a CLI command): only one sends; items queued
 * by the other are picked up; when the sender closes, the other takes over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStudio } from '../../../../../src/main/studio.ts';
import { createToken } from '../../../../../src/source-server/db.ts';
import { startSourceServer, type SourceServer } from '../../../../../src/source-server/server.ts';
import { StudioError } from '../../../../../src/shared/errors.ts';
import type { TestStudio } from '../../../../helpers/studio.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { approvedBulletin, waitFor } from './fixtures.ts';

const dir = makeTempDir('studio-lease-');
const serverDir = makeTempDir('source-server-');
let server: SourceServer | null = null;
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const studio of opened.reverse()) await studio.close();
  await server?.close();
  dir.remove();
  serverDir.remove();
});

function open(): TestStudio {
  const studio = openStudio({ dataDir: dir.dir, transport: 'test' });
  opened.push(studio);
  const call: TestStudio['call'] = async (name, arg) => {
    const response = await studio.dispatch(name, arg, { actor: 'tester' });
    if (!response.ok) throw new StudioError(response.error.code, response.error.message);
    return response.result as never;
  };
  return { ...studio, dataDir: dir.dir, call } as TestStudio;
}

it('lets one process send at a time and hands over when it closes', { timeout: 60_000 }, async () => {
  server = await startSourceServer({ dataDir: serverDir.dir, log: () => undefined });
  const app = open();
  await app.call('delivery.settings.update', { serverUrl: server.url, token: createToken(server.db, 'xa-e'), chunkSizeMiB: 1 });
  const cli = open();

  const heard: string[] = [];
  cli.events.subscribe((event) => {
    if (event.name === 'outbox.changed') heard.push(event.payload.state);
  });
  const first = await approvedBulletin(cli, { bytes: 500_000 });
  const item = await cli.call('delivery.enqueue', { bulletinId: first.id, to: 'source' });
  // The app holds the lease and finds the item the CLI queued.
  await waitFor(() => app.services.delivery.outbox.get(item.id).state === 'delivered', 'delivery by the lease holder', 20_000);
  expect(server.records.list(null)).toHaveLength(1);
  expect(fs.readdirSync(path.join(serverDir.dir, 'uploads')).filter((f) => !f.endsWith('.json'))).toHaveLength(1);
  // The CLI, which does not send, still hears that its item was delivered.
  await waitFor(() => heard.includes('delivered'), 'the delivery relayed to the other process', 10_000);

  await app.services.delivery.close();
  const second = await approvedBulletin(cli, { bytes: 500_000 });
  const next = await cli.call('delivery.enqueue', { bulletinId: second.id, to: 'source' });
  await waitFor(() => cli.services.delivery.outbox.get(next.id).state === 'delivered', 'delivery after the hand-over', 20_000);
  expect(server.records.list(null)).toHaveLength(2);
});
