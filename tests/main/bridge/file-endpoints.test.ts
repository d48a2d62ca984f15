/**
 * Browser mode's file endpoints against a real host: uploads streamed to staging files (token,
 * size limit, format check, clean-up) and the folder chooser over a real directory tree with USB
 * sticks mounted the ways Linux mounts them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleFileEndpoint } from '../../../src/main/bridge/file-endpoints.ts';
import { startBridge, type Bridge } from '../../../src/main/bridge/server.ts';
import { openStudio, type Studio } from '../../../src/main/studio.ts';
import type { FolderListing, StagedUpload } from '../../../src/shared/api/files.ts';
import { describeError, type ErrorPayload } from '../../../src/shared/errors.ts';
import { unwrappedCall } from '../../helpers/studio.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

interface Answer {
  status: number;
  json: unknown;
}

function request(port: number, method: string, pathAndQuery: string, options: { body?: Buffer; chunked?: boolean; headers?: Record<string, string> } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body && !options.chunked) headers['Content-Length'] = String(options.body.length);
    const req = http.request({ host: '127.0.0.1', port, method, path: pathAndQuery, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, json: res.headers['content-type']?.startsWith('application/json') ? JSON.parse(text) : text });
      });
    });
    req.on('error', reject);
    if (options.body && options.chunked) {
      // Sent in pieces without a declared length: the limit must hold while streaming.
      for (let at = 0; at < options.body.length; at += 16 * 1024) req.write(options.body.subarray(at, at + 16 * 1024));
      req.end();
    } else req.end(options.body);
  });
}

const temp = makeTempDir('studio-file-endpoints-');
const root = path.join(temp.dir, 'fs');
const dataDir = path.join(temp.dir, 'data');
const home = path.join(root, 'home', 'alice');
const mkdir = (...parts: string[]) => fs.mkdirSync(path.join(root, ...parts), { recursive: true });
let studio: Studio;
let bridge: Bridge;
let mp3: Buffer;

const errorOf = (answer: Answer) => (answer.json as { error: ErrorPayload }).error;
const staged = () => (fs.existsSync(path.join(dataDir, 'uploads')) ? fs.readdirSync(path.join(dataDir, 'uploads')) : []);

beforeAll(async () => {
  // Ubuntu's udisks: /media/<user>/<label>; Debian's usbmount: /media/usb0; Fedora: /run/media/<user>/<label>.
  mkdir('media', 'alice', 'KINGSTON', 'Nhạc hiệu');
  mkdir('media', 'usb0');
  fs.writeFileSync(path.join(root, 'media', 'usb0', 'ban-tin.txt'), 'x');
  mkdir('run', 'media', 'bob', 'SANDISK');
  mkdir('home', 'alice', 'Music');
  mkdir('home', 'alice', 'Documents', 'Bản tin');
  mkdir('home', 'alice', 'Documents', 'Âm nhạc');
  mkdir('home', 'alice', 'Documents', 'Báo cáo');
  mkdir('home', 'alice', 'Documents', '.cache');
  studio = openStudio({ dataDir, transport: 'bridge', placeRoots: { platform: 'linux', home, user: 'alice', mediaRoots: [path.join(root, 'media'), path.join(root, 'run', 'media')] } });
  const rendererDir = path.join(temp.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Studio</title>');
  bridge = await startBridge({ studio, rendererDir, maxUploadBytes: 256 * 1024 });
  const tone = path.join(temp.dir, 'tone.mp3');
  const run = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'libmp3lame', '-b:a', '64k', tone], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  mp3 = fs.readFileSync(tone);
});
afterAll(async () => {
  await bridge.close();
  await studio.close();
  temp.remove();
});

describe('the folder chooser endpoint', () => {
  it('answers only with the token, only for our own Host, only to this machine', async () => {
    expect((await request(bridge.port, 'GET', '/files/folders')).status).toBe(403);
    expect((await request(bridge.port, 'GET', '/files/folders?token=wrong')).status).toBe(403);
    expect((await request(bridge.port, 'GET', `/files/folders?token=${bridge.token}`, { headers: { Host: `evil.example:${bridge.port}` } })).status).toBe(403);
    // A peer that is not this machine (as if the host were bound wider) is refused by the endpoint itself.
    const wide = http.createServer((req, res) => {
      Object.defineProperty(req.socket, 'remoteAddress', { value: '192.168.1.20' });
      if (!handleFileEndpoint(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'), { files: studio.services.files })) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => wide.listen(0, '127.0.0.1', resolve));
    const refused = await request((wide.address() as AddressInfo).port, 'GET', '/files/folders');
    await new Promise<void>((resolve) => wide.close(() => resolve()));
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe('unauthorized');
  });

  it('starts on the USB stick, lists removable drives first, and lists subfolders sorted the Vietnamese way, hidden ones left out', async () => {
    const start = await request(bridge.port, 'GET', `/files/folders?token=${bridge.token}&purpose=export`);
    expect(start.status).toBe(200);
    const listing = start.json as FolderListing;
    expect(listing.path).toBe(path.join(root, 'media', 'alice', 'KINGSTON'));
    expect(listing.folders.map((f) => f.name)).toEqual(['Nhạc hiệu']);
    expect(listing.places.map((p) => [p.kind, p.name])).toEqual([
      ['removable', 'KINGSTON'],
      ['removable', 'usb0'],
      ['removable', 'SANDISK'],
      ['music', 'Music'],
      ['documents', 'Documents'],
      ['home', 'alice'],
      ['drive', '/'],
    ]);
    const documents = (await request(bridge.port, 'GET', `/files/folders?token=${bridge.token}&path=${encodeURIComponent(path.join(home, 'Documents'))}`)).json as FolderListing;
    expect(documents.folders.map((f) => f.name)).toEqual(['Âm nhạc', 'Bản tin', 'Báo cáo']);
    expect(documents.parent).toBe(home);

    const missing = await request(bridge.port, 'GET', `/files/folders?token=${bridge.token}&path=${encodeURIComponent(path.join(home, 'Không có'))}`);
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toMatchObject({ code: 'not_found', details: { reason: 'folder_unreadable' } });
  });

  it('without a stick, audio starts in Music and an export in Documents, never in the data folder', async () => {
    const bare = openStudio({ dataDir: path.join(temp.dir, 'data-2'), transport: 'test', placeRoots: { platform: 'linux', home, user: 'alice', mediaRoots: [path.join(root, 'no-media')] } });
    try {
      expect((await bare.services.files.folders(undefined, 'audio')).path).toBe(path.join(home, 'Music'));
      expect((await bare.services.files.folders(undefined, 'export')).path).toBe(path.join(home, 'Documents'));
      // Browser mode and the CLI have no native dialog: said with a coded reason.
      await expect(unwrappedCall(bare, 'files.chooseFolder', { purpose: 'backup' })).rejects.toMatchObject({ code: 'invalid_argument', details: { reason: 'native_dialog_unavailable' } });
    } finally {
      await bare.close();
    }
  });
});

describe('"Thư mục mới" in the folder chooser', () => {
  const make = (parent: string, name: string, token = bridge.token, headers?: Record<string, string>) =>
    request(bridge.port, 'POST', `/files/folders?${new URLSearchParams({ token, purpose: 'export', path: parent, name })}`, { headers });

  it('makes a folder inside the one looked at and answers its listing; only with the token, our Host and Origin', async () => {
    const documents = path.join(home, 'Documents');
    expect((await make(documents, 'Trộm', 'wrong')).status).toBe(403);
    expect((await make(documents, 'Trộm', bridge.token, { Origin: 'http://evil.example' })).status).toBe(403);
    expect(fs.existsSync(path.join(documents, 'Trộm'))).toBe(false);

    // Typed decomposed (as some keyboards send it): made composed, as every listing shows it.
    const made = await make(documents, 'Bản tin tháng 12'.normalize('NFD'));
    expect(made.status).toBe(200);
    const listing = made.json as FolderListing;
    expect(listing.path).toBe(path.join(documents, 'Bản tin tháng 12'));
    expect(listing.parent).toBe(documents);
    expect(listing.folders).toEqual([]);
    expect(fs.statSync(path.join(documents, 'Bản tin tháng 12')).isDirectory()).toBe(true);
    const again = (await request(bridge.port, 'GET', `/files/folders?token=${bridge.token}&path=${encodeURIComponent(documents)}`)).json as FolderListing;
    expect(again.folders.map((f) => f.name)).toEqual(['Âm nhạc', 'Bản tin', 'Bản tin tháng 12', 'Báo cáo']);
  });

  it('refuses bad names, an existing folder and a missing parent with coded errors worded in Vietnamese, and makes nothing', async () => {
    const documents = path.join(home, 'Documents');
    const before = fs.readdirSync(documents).sort();
    const cases: [string, string, string][] = [
      ['', 'folder_name_empty', 'Dữ liệu nhập không hợp lệ: hãy gõ tên cho thư mục mới'],
      ['   ', 'folder_name_empty', 'Dữ liệu nhập không hợp lệ: hãy gõ tên cho thư mục mới'],
      ['a/b', 'folder_name_characters', 'Dữ liệu nhập không hợp lệ: tên thư mục «a/b» có ký tự không dùng được trong tên thư mục (< > : " / \\ | ? *)'],
      ['..', 'folder_name_dots', 'Dữ liệu nhập không hợp lệ: «..» không dùng được làm tên thư mục'],
      ['Lịch?', 'folder_name_characters', ''],
      ['tin.', 'folder_name_ending', ''],
      ['CON', 'folder_name_reserved', 'Dữ liệu nhập không hợp lệ: «CON» là tên dành riêng của Windows, hãy đặt tên khác'],
      ['ậ'.repeat(90), 'folder_name_length', ''],
    ];
    for (const [name, reason, words] of cases) {
      const refused = await make(documents, name);
      expect(refused.status, name).toBe(400);
      expect(errorOf(refused), name).toMatchObject({ code: 'invalid_argument', details: { reason } });
      if (words) expect(describeError(errorOf(refused), 'vi'), name).toBe(words);
    }
    const exists = await make(documents, 'Bản tin');
    expect(exists.status).toBe(409);
    expect(describeError(errorOf(exists), 'vi')).toBe('Xung đột dữ liệu: đã có thư mục «Bản tin» ở đây; hãy mở nó hoặc đặt tên khác');
    const missing = await make(path.join(home, 'Không có'), 'Mới');
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toMatchObject({ code: 'not_found', details: { reason: 'folder_not_created' } });
    expect(fs.existsSync(path.join(home, 'Không có'))).toBe(false);
    expect(fs.readdirSync(documents).sort()).toEqual(before);
  });

  it('refuses to make a folder inside a file', async () => {
    const file = path.join(root, 'media', 'usb0', 'ban-tin.txt');
    const refused = await make(file, 'Mới');
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatchObject({ code: 'not_a_file', details: { reason: 'folder_unreadable' } });
    expect(fs.statSync(file).isFile()).toBe(true);
  });
});

describe('the upload endpoint', () => {
  it('refuses an upload without the token and stages nothing', async () => {
    const answer = await request(bridge.port, 'POST', '/files/upload?purpose=audio&name=a.mp3', { body: mp3 });
    expect(answer.status).toBe(403);
    expect(staged()).toEqual([]);
  });

  it('stages an MP3 under its own name, which imports as a jingle; releasing it removes the staging file', async () => {
    const answer = await request(bridge.port, 'POST', `/files/upload?token=${bridge.token}&purpose=audio&name=${encodeURIComponent('Nhạc hiệu sáng.mp3')}`, { body: mp3 });
    expect(answer.status).toBe(200);
    const upload = answer.json as StagedUpload;
    expect(upload).toMatchObject({ name: 'Nhạc hiệu sáng.mp3', bytes: mp3.length });
    expect(fs.readFileSync(upload.path).equals(mp3)).toBe(true);
    expect(path.dirname(path.dirname(upload.path))).toBe(path.join(dataDir, 'uploads'));

    const job = await unwrappedCall(studio, 'audio.import', { path: upload.path, role: 'jingle' });
    const done = await studio.services.jobs.wait(job.id);
    expect(done.result).toMatchObject({ name: 'Nhạc hiệu sáng', role: 'jingle' });

    expect((await request(bridge.port, 'DELETE', `/files/upload?token=${bridge.token}&path=${encodeURIComponent(upload.path)}`)).status).toBe(204);
    expect(fs.existsSync(upload.path)).toBe(false);
    expect(staged()).toEqual([]);
  });

  it('refuses a file over the size limit, declared or streamed, with a code, and leaves no staging file', async () => {
    const big = Buffer.concat([mp3, Buffer.alloc(300 * 1024)]);
    for (const chunked of [false, true]) {
      const answer = await request(bridge.port, 'POST', `/files/upload?token=${bridge.token}&purpose=audio&name=big.mp3`, { body: big, chunked });
      expect(answer.status, `chunked: ${chunked}`).toBe(413);
      expect(errorOf(answer)).toMatchObject({ code: 'too_large', details: { reason: 'upload_too_large', maxMiB: 1 } });
      expect(staged()).toEqual([]);
    }
  });

  it('refuses a file that is not audio, and an M4A, by their content, with codes, and leaves no staging file', async () => {
    const text = await request(bridge.port, 'POST', `/files/upload?token=${bridge.token}&purpose=audio&name=notes.mp3`, { body: Buffer.from('Đây không phải âm thanh.\n'.repeat(5000)) });
    expect(text.status).toBe(415);
    expect(errorOf(text)).toMatchObject({ code: 'unsupported_format', details: { reason: 'audio_unrecognised' } });
    const m4a = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypM4A '), Buffer.alloc(2000)]);
    const aac = await request(bridge.port, 'POST', `/files/upload?token=${bridge.token}&purpose=audio&name=song.m4a`, { body: m4a });
    expect(aac.status).toBe(415);
    expect(errorOf(aac)).toMatchObject({ code: 'unsupported_format', details: { reason: 'aac_unsupported' } });
    expect(staged()).toEqual([]);
  });

  it('keeps an uploaded CA certificate out of the swept staging folder', async () => {
    const answer = await request(bridge.port, 'POST', `/files/upload?token=${bridge.token}&purpose=certificate&name=ca.pem`, { body: Buffer.from('-----BEGIN CERTIFICATE-----\n') });
    const upload = answer.json as StagedUpload;
    expect(path.dirname(path.dirname(upload.path))).toBe(path.join(dataDir, 'certificates'));
    await studio.services.files.uploads.sweep(0);
    expect(fs.existsSync(upload.path)).toBe(true);
  });
});
