import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBridge, type Bridge } from '../../../src/main/bridge/server.ts';
import { openStudio, type Studio } from '../../../src/main/studio.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

function get(port: number, pathAndQuery: string, headers: Record<string, string> = {}, host = '127.0.0.1') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.get({ host, port, path: pathAndQuery, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

function openSocket(port: number, query: string, headers: Record<string, string> = {}) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('browser-mode host security', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let studio: Studio;
  let bridge: Bridge;
  let other: Bridge;

  beforeEach(async () => {
    temp = makeTempDir();
    studio = openStudio({ dataDir: temp.dir, transport: 'bridge' });
    const rendererDir = path.join(temp.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Studio</title>');
    bridge = await startBridge({ studio, rendererDir });
    other = await startBridge({ studio, rendererDir });
  });
  afterEach(async () => {
    await bridge.close();
    await other.close();
    await studio.close();
    temp.remove();
  });

  it('refuses pages, media and the API without the token', async () => {
    expect((await get(bridge.port, '/')).status).toBe(403);
    expect((await get(bridge.port, '/media/assets/x.wav')).status).toBe(403);
    expect((await get(bridge.port, '/?token=wrong')).status).toBe(403);
    await expect(openSocket(bridge.port, '')).rejects.toThrow(/403/);
  });

  it('refuses the token of another run', async () => {
    expect(other.token).not.toBe(bridge.token);
    expect((await get(bridge.port, `/?token=${other.token}`)).status).toBe(403);
    await expect(openSocket(bridge.port, `?token=${other.token}`)).rejects.toThrow(/403/);
    await expect(openSocket(bridge.port, '', { Cookie: `studio_token=${other.token}` })).rejects.toThrow(/403/);
  });

  it('accepts its own token, then the cookie it sets, and dispatches over the socket', async () => {
    const first = await get(bridge.port, `/?token=${bridge.token}`);
    expect(first.status).not.toBe(403);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe(`studio_token=${bridge.token}`);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly/);
    const ws = await openSocket(bridge.port, '', { Cookie: cookie });
    const reply = await new Promise<unknown>((resolve) => {
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data));
        if (frame.type === 'reply') resolve(frame);
      });
      ws.send(JSON.stringify({ type: 'call', id: 7, name: 'bulletin.create', arg: { title: 'Qua WebSocket' } }));
    });
    expect(reply).toMatchObject({ type: 'reply', id: 7, response: { ok: true, result: { title: 'Qua WebSocket' } } });
    ws.close();
  });

  it('refuses other Host headers and cross-site origins (DNS rebinding, hostile pages)', async () => {
    expect((await get(bridge.port, `/?token=${bridge.token}`, { Host: `evil.example:${bridge.port}` })).status).toBe(403);
    await expect(openSocket(bridge.port, `?token=${bridge.token}`, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('listens on 127.0.0.1 only', async () => {
    const other = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (other) {
      await expect(get(bridge.port, `/?token=${bridge.token}`, {}, other)).rejects.toThrow(/ECONNREFUSED/);
    }
    // Local addresses of every listening socket on the port (the 4th column of `ss`).
    const local = execFileSync('ss', ['-ltnH', `sport = :${bridge.port}`])
      .toString()
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[3]);
    expect(local).toEqual([`127.0.0.1:${bridge.port}`]);
  });

  it('serves media with byte ranges, and nothing outside the media folders', async () => {
    fs.mkdirSync(path.join(temp.dir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(temp.dir, 'assets', 'tone.wav'), Buffer.from('0123456789'));
    const auth = { Cookie: `studio_token=${bridge.token}` };
    const part = await get(bridge.port, '/media/assets/tone.wav', { ...auth, Range: 'bytes=2-5' });
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe('2345');
    expect(part.headers['content-range']).toBe('bytes 2-5/10');
    expect((await get(bridge.port, '/media/assets/tone.wav', { ...auth, Range: 'bytes=20-' })).status).toBe(416);
    expect((await get(bridge.port, '/media/studio.sqlite', auth)).status).toBe(404);
    expect((await get(bridge.port, '/media/assets/..%2f..%2fstudio.sqlite', auth)).status).toBe(404);
  });
});
