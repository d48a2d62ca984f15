/** `npm run source-server -- …`: accounts, tokens and editorial statuses from the command line. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';
import { SourceConnector } from '../../../../../src/main/services/delivery/source/source-connector.ts';
import { startServerProcess, type ServerProcess } from './fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');
const dir = makeTempDir('source-server-cli-');
let server: ServerProcess | null = null;
afterEach(async () => {
  await server?.stop();
  dir.remove();
});

const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/source-server/main.ts', ...args, '--data', dir.dir], { cwd: ROOT, encoding: 'utf8' }).trim();

it('creates an account and a token that the running server accepts, and sets statuses', async () => {
  expect(JSON.parse(cli('account', 'create', 'xa-muong-hoa'))).toMatchObject({ name: 'xa-muong-hoa' });
  const token = cli('token', 'create', 'xa-muong-hoa', '--expires-in-hours', '2');
  expect(token).toMatch(/^src_[A-Za-z0-9_-]{40,}$/);
  server = await startServerProcess(dir.dir);
  const whoami = await fetch(`${server.url}/api/v1/whoami`, { headers: { Authorization: `Bearer ${token}` } });
  expect(whoami.status).toBe(200);
  expect(await whoami.json()).toMatchObject({ account: 'xa-muong-hoa' });
  // The token is printed once and never logged by the server.
  const refused = await fetch(`${server.url}/api/v1/whoami`, { headers: { Authorization: `Bearer ${token}x` } });
  expect(refused.status).toBe(401);
  expect(server.output()).not.toContain(token);

  const created = await fetch(`${server.url}/api/v1/bulletins`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': 'cli-test-0001', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      bulletinId: 7, title: 'Lịch tiêm phòng', category: 'health', language: 'vi', priority: 'priority', schedule: { kind: 'daily', time: '17:00' },
      repeat: { count: 2, gapMinutes: 30 }, targetAreas: [], author: 'A', approver: 'B', durationSec: 60, loudnessLufs: -16,
      sha256: 'a'.repeat(64), bytes: 10, fileName: 'x.mp3', mimeType: 'audio/mpeg',
    }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect(JSON.parse(cli('status', id, 'rejected', '--reason', 'Sai lịch phát'))).toEqual({ id, status: 'rejected', reason: 'Sai lịch phát' });
  const record = await fetch(`${server.url}/api/v1/bulletins/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(await record.json()).toMatchObject({ status: 'rejected', reason: 'Sai lịch phát' });
});

it('serves HTTPS with --tls-key/--tls-cert, trusted through the certificate itself', async () => {
  const token = cli('token', 'create', 'xa-y-ty');
  const key = `${dir.dir}/key.pem`;
  const cert = `${dir.dir}/cert.pem`;
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  server = await startServerProcess(dir.dir, { tls: { key, cert } });
  expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
  const connector = new SourceConnector({ serverUrl: server.url, token, ca: fs.readFileSync(cert), chunkSize: 1024 * 1024 });
  expect(await connector.test()).toMatchObject({ ok: true, account: 'xa-y-ty' });
  await expect(new SourceConnector({ serverUrl: server.url, token, chunkSize: 1024 * 1024 }).test()).rejects.toMatchObject({ code: 'tls_error' });
});
