import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUpdates, type FolderServer } from '../../../../src/main/services/updates/index.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';
import { makeRelease } from './release-fixture.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

const connects = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('the local update server', () => {
  let temp: { dir: string; remove: () => void };
  let server: FolderServer;
  let installer: Buffer;
  const updates = createUpdates({ currentVersion: '0.1.0', dataDir: '/nonexistent' });

  beforeEach(async () => {
    temp = makeTempDir('studio-update-server-');
    const release = makeRelease(path.join(temp.dir, 'usb'), '0.2.0');
    installer = fs.readFileSync(release.installer);
    // Files that are in the folder but not in latest.yml must stay unreachable.
    fs.writeFileSync(path.join(release.dir, 'ghi-chu-rieng.txt'), 'không được phục vụ');
    server = await updates.serveFolder(await updates.verifyFolder(release.dir));
  });
  afterEach(async () => {
    await server.close();
    temp.remove();
  });

  it('serves latest.yml, the installer and its block map under a random prefix', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/$/);
    const yml = await get(`${server.url}latest.yml?noCache=1abc`);
    expect(yml.status).toBe(200);
    expect(yml.body.toString()).toContain('version: 0.2.0');
    const exe = await get(`${server.url}Studio-Setup-0.2.0.exe`);
    expect(exe).toMatchObject({ status: 200, headers: { 'accept-ranges': 'bytes', 'content-length': String(installer.length) } });
    expect(exe.body.equals(installer)).toBe(true);
    expect((await get(`${server.url}Studio-Setup-0.2.0.exe.blockmap`)).status).toBe(200);
    const head = await get(`${server.url}Studio-Setup-0.2.0.exe`, {}, 'HEAD');
    expect(head).toMatchObject({ status: 200, headers: { 'content-length': String(installer.length) } });
    expect(head.body.length).toBe(0);
  });

  it('answers 404 to anything else: another prefix, the root, an unlisted file, a traversal, a foreign Host', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const prefix = new URL(server.url).pathname;
    const other = prefix.replace(/[A-Za-z0-9]/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const url of [
      `${origin}/latest.yml`,
      `${origin}${other}latest.yml`,
      `${origin}/`,
      `${origin}${prefix}`,
      `${server.url}ghi-chu-rieng.txt`,
      `${server.url}..%2Fusb%2Flatest.yml`,
      `${server.url}%2e%2e/latest.yml`,
      `${server.url}sub/latest.yml`,
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get(`${server.url}latest.yml`, { Host: `evil.example:${server.port}` })).status).toBe(404);
    expect((await get(`${server.url}latest.yml`, {}, 'DELETE')).status).toBe(405);
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(await connects('127.0.0.1', server.port)).toBe(true);
    // Linux routes all of 127/8 to the loopback device: a server bound to 0.0.0.0 would answer here.
    expect(await connects('127.0.0.2', server.port)).toBe(false);
    expect(await connects('::1', server.port)).toBe(false);
    const external = Object.values(os.networkInterfaces()).flat().filter((a) => a && !a.internal).map((a) => a!.address);
    for (const address of external) expect(await connects(address, server.port), address).toBe(false);
  });

  it('serves single and multiple byte ranges', async () => {
    const url = `${server.url}Studio-Setup-0.2.0.exe`;
    const one = await get(url, { Range: 'bytes=100-199' });
    expect(one).toMatchObject({ status: 206, headers: { 'content-range': `bytes 100-199/${installer.length}`, 'content-length': '100' } });
    expect(one.body.equals(installer.subarray(100, 200))).toBe(true);
    const suffix = await get(url, { Range: 'bytes=-10' });
    expect(suffix.body.equals(installer.subarray(-10))).toBe(true);

    const many = await get(url, { Range: 'bytes=0-9, 5000-5099, 200000-200004' });
    expect(many.status).toBe(206);
    const boundary = /boundary=(\S+)/.exec(String(many.headers['content-type']))![1]!;
    expect(Number(many.headers['content-length'])).toBe(many.body.length);
    const parts = many.body.toString('latin1').split(`--${boundary}`).slice(1, -1);
    const expected = [[0, 9], [5000, 5099], [200000, 200004]] as const;
    expect(parts).toHaveLength(3);
    parts.forEach((part, i) => {
      const [start, end] = expected[i]!;
      const [head, body] = part.split('\r\n\r\n');
      expect(head).toContain(`Content-Range: bytes ${start}-${end}/${installer.length}`);
      expect(Buffer.from(body!.replace(/\r\n$/, ''), 'latin1').equals(installer.subarray(start, end + 1))).toBe(true);
    });

    expect((await get(url, { Range: `bytes=${installer.length + 10}-` })).status).toBe(416);
    // A Range we cannot read is ignored: the whole file.
    expect((await get(url, { Range: 'pages=1-2' })).body.length).toBe(installer.length);
  });

  it('closes cleanly, even with a connection kept alive', async () => {
    const agent = new http.Agent({ keepAlive: true });
    await new Promise((resolve) => http.get(`${server.url}latest.yml`, { agent }, (res) => res.resume().on('end', resolve)));
    await server.close();
    expect(await connects('127.0.0.1', server.port)).toBe(false);
    agent.destroy();
  });
});
