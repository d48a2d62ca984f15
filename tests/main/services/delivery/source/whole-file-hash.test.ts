/**
 * The reference server checks the whole file's sha256 on completion from a hash kept while the
 * chunks arrive (verifying-store.ts), re-reading the file only when it has not seen every byte
 * (a restart). Raw tus requests, so each case is exact: a refused chunk must not enter the
 * running hash, a restart must fall back to the file, and chunks that each pass their own check
 * but make up another file than announced must still be refused whole.
 */
import crypto from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createToken } from '../../../../../src/source-server/db.ts';
import { startSourceServer, type SourceServer } from '../../../../../src/source-server/server.ts';
import { makeTempDir } from '../../../../helpers/temp-dir.ts';

const serverDir = makeTempDir('source-server-');
let server: SourceServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  serverDir.remove();
});

const CHUNK = 256 * 1024;
const sha256 = (data: Buffer, encoding: 'hex' | 'base64') => crypto.createHash('sha256').update(data).digest(encoding);

async function start(): Promise<{ server: SourceServer; token: string }> {
  server = await startSourceServer({ dataDir: serverDir.dir, log: () => undefined });
  return { server, token: createToken(server.db, 'xa-test') };
}

async function createUpload(base: string, token: string, file: Buffer, announcedSha256: string): Promise<{ id: string; url: string }> {
  const metadata = {
    bulletinId: 1, title: 'hash', category: 'other', language: 'vi', priority: 'normal', schedule: { kind: 'now' },
    repeat: { count: 1, gapMinutes: 0 }, targetAreas: [], author: '', approver: null, durationSec: null, loudnessLufs: null,
    sha256: announcedSha256, bytes: file.length, fileName: 'a.mp3', mimeType: 'audio/mpeg',
  };
  const auth = { Authorization: `Bearer ${token}` };
  const record = (await (
    await fetch(`${base}/api/v1/bulletins`, {
      method: 'POST',
      headers: { ...auth, 'Idempotency-Key': crypto.randomUUID(), 'Content-Type': 'application/json' },
      body: JSON.stringify(metadata),
    })
  ).json()) as { id: string };
  const created = await fetch(`${base}/files`, {
    method: 'POST',
    headers: { ...auth, 'Tus-Resumable': '1.0.0', 'Upload-Length': String(file.length), 'Upload-Metadata': `bulletin ${Buffer.from(String(record.id)).toString('base64')}` },
  });
  expect(created.status).toBe(201);
  return { id: String(record.id), url: new URL(created.headers.get('location')!, base).toString() };
}

async function patch(url: string, token: string, offset: number, body: Buffer, checksum = sha256(body, 'base64')): Promise<number> {
  const response = await fetch(url, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset),
      'Content-Type': 'application/offset+octet-stream', 'Upload-Checksum': `sha256 ${checksum}`,
    },
    body: new Uint8Array(body),
  });
  await response.arrayBuffer();
  return response.status;
}

async function record(base: string, token: string, id: string) {
  return (await (await fetch(`${base}/api/v1/bulletins/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
    status: string;
    receivedSha256: string | null;
  };
}

it('keeps a refused chunk out of the whole-file hash', async () => {
  const { server: s, token } = await start();
  const file = crypto.randomBytes(3 * CHUNK);
  const upload = await createUpload(s.url, token, file, sha256(file, 'hex'));
  expect(await patch(upload.url, token, 0, file.subarray(0, CHUNK))).toBe(204);
  const altered = Buffer.from(file.subarray(CHUNK, 2 * CHUNK));
  altered[100]! ^= 0xff;
  expect(await patch(upload.url, token, CHUNK, altered, sha256(file.subarray(CHUNK, 2 * CHUNK), 'base64'))).toBe(460);
  expect(await patch(upload.url, token, CHUNK, file.subarray(CHUNK, 2 * CHUNK))).toBe(204);
  expect(await patch(upload.url, token, 2 * CHUNK, file.subarray(2 * CHUNK))).toBe(204);
  expect(await record(s.url, token, upload.id)).toMatchObject({ status: 'received', receivedSha256: sha256(file, 'hex') });
});

it('hashes the file from disk when a restart lost the running hash', async () => {
  let { server: s, token } = await start();
  const file = crypto.randomBytes(2 * CHUNK);
  const upload = await createUpload(s.url, token, file, sha256(file, 'hex'));
  expect(await patch(upload.url, token, 0, file.subarray(0, CHUNK))).toBe(204);
  await s.close();
  const port = new URL(s.url).port;
  server = await startSourceServer({ dataDir: serverDir.dir, port: Number(port), log: () => undefined });
  s = server;
  expect(await patch(upload.url, token, CHUNK, file.subarray(CHUNK))).toBe(204);
  expect(await record(s.url, token, upload.id)).toMatchObject({ status: 'received', receivedSha256: sha256(file, 'hex') });
});

it('refuses chunks that each pass their check but make another file than announced', async () => {
  const { server: s, token } = await start();
  const file = crypto.randomBytes(2 * CHUNK);
  const other = Buffer.from(file);
  other[CHUNK + 5]! ^= 0x01;
  const upload = await createUpload(s.url, token, file, sha256(file, 'hex'));
  expect(await patch(upload.url, token, 0, other.subarray(0, CHUNK))).toBe(204);
  expect(await patch(upload.url, token, CHUNK, other.subarray(CHUNK))).toBe(460);
  expect(await record(s.url, token, upload.id)).toMatchObject({ status: 'awaiting_audio', receivedSha256: null });
});
