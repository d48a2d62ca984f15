import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DATABASE_FILE } from '../../../src/main/services/storage/database.ts';
import { startHost, type RunningHost } from '../../helpers/browser-host.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';

const WRITES = 1000;
const KILL_AFTER_ACKS = 300;

describe('crash safety', () => {
  const temp = makeTempDir();
  let host: RunningHost | null = null;
  afterEach(async () => {
    await host?.kill();
    temp.remove();
  });

  it('keeps every acknowledged write when the host is killed -9 during a burst of 1,000', async () => {
    host = await startHost(temp.dir);
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));

    const acknowledged = new Map<number, string>();
    const running = host;
    const killed = new Promise<void>((resolve) => {
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data));
        if (frame.type !== 'reply' || !frame.response.ok) return;
        acknowledged.set(frame.response.result.id, frame.response.result.title);
        if (acknowledged.size === KILL_AFTER_ACKS) void running.kill().then(resolve);
      });
      ws.on('close', () => resolve());
    });
    for (let i = 0; i < WRITES; i++) {
      ws.send(JSON.stringify({ type: 'call', id: i, name: 'bulletin.create', arg: { title: `Bản tin số ${i}`, script: 'Nội dung khẩn cấp. '.repeat(20) } }));
    }
    await killed;
    ws.terminate();
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.size).toBeLessThan(WRITES);

    const db = new Database(path.join(temp.dir, DATABASE_FILE));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Map(db.prepare('SELECT id, title FROM bulletins').all().map((r: any) => [r.id, r.title]));
    for (const [id, title] of acknowledged) expect(stored.get(id)).toBe(title);
    db.close();

    // The studio starts again on the same data and finds everything.
    host = await startHost(temp.dir);
    const again = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    await new Promise((resolve, reject) => again.once('open', resolve).once('error', reject));
    const total = await new Promise<number>((resolve) => {
      again.on('message', (data) => {
        const frame = JSON.parse(String(data));
        if (frame.type === 'reply') resolve(frame.response.result.total);
      });
      again.send(JSON.stringify({ type: 'call', id: 1, name: 'library.search', arg: { text: 'ban tin so' } }));
    });
    expect(total).toBeGreaterThanOrEqual(Math.min(acknowledged.size, 1001));
    again.terminate();
  });

  it('stops on SIGTERM while a tab still streams a recording and holds its WebSocket', async () => {
    // What an open tab holds: an <audio> element's media stream, read only as far as it plays (so
    // the response never ends by itself), and the screen's event socket.
    fs.mkdirSync(path.join(temp.dir, 'renders'), { recursive: true });
    fs.writeFileSync(path.join(temp.dir, 'renders', 'programme-1.wav'), Buffer.alloc(64 * 1024 * 1024));
    host = await startHost(temp.dir);
    const streaming = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http.get(`http://127.0.0.1:${host!.port}/media/renders/programme-1.wav`, { headers: { cookie: `studio_token=${host!.token}`, range: 'bytes=0-' } }, resolve).once('error', reject);
    });
    expect(streaming.statusCode).toBe(206);
    streaming.pause();
    streaming.on('error', () => undefined);
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const wsClosed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    // Before the fix the host closed its listener and then waited for the tab to go, forever.
    await host.stop();
    expect(host.process.exitCode).toBe(0);
    await wsClosed;
    streaming.destroy();
  });
});
