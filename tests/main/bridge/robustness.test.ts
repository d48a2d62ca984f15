/**
 * Issue 8, items 2, 3 and 11 (bridge parts): single inputs that used to end the browser-mode host.
 * The host runs as a child process, as `npm run web` runs it, so a crash shows as an exit, not as a
 * failure of the test runner itself.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startHost, type RunningHost } from '../../helpers/browser-host.ts';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { closedByServer, frame, openApi, openRawSocket } from '../../helpers/ws-client.ts';

/** Root reads any file; the host runs as `nobody` then, so permissions mean what they mean on a user's PC. */
const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function get(port: number, pathAndQuery: string) {
  return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathAndQuery }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('browser-mode host survives hostile input', () => {
  const temp = makeTempDir();
  let host: RunningHost;

  beforeAll(async () => {
    fs.mkdirSync(path.join(temp.dir, 'assets'));
    fs.writeFileSync(path.join(temp.dir, 'assets', 'locked.wav'), Buffer.alloc(64));
    fs.chmodSync(path.join(temp.dir, 'assets', 'locked.wav'), 0o000);
    fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'not media');
    fs.symlinkSync(path.join(temp.dir, 'secret.txt'), path.join(temp.dir, 'assets', 'link.wav'));
    fs.symlinkSync(temp.dir, path.join(temp.dir, 'renders'));
    if (unprivileged.uid !== undefined) {
      for (const entry of ['', 'assets']) fs.chownSync(path.join(temp.dir, entry), unprivileged.uid, unprivileged.gid!);
    }
    host = await startHost(temp.dir, {}, unprivileged);
  });
  afterAll(async () => {
    await host?.stop();
    temp.remove();
  });

  const stillServing = async () => {
    expect(host.process.exitCode).toBeNull();
    const api = await openApi(host.port, host.token);
    const response = await api.call('app.info', {});
    api.close();
    expect(response.ok).toBe(true);
  };

  it('item 2: a call whose name is an object (toString that throws) answers unknown_request', async () => {
    const api = await openApi(host.port, host.token);
    for (const name of [{ toString: 1 }, { toString: { a: 1 } }, null, 42, ['app.info'], { __proto__: { x: 1 } }]) {
      const response = await api.call(name, {});
      expect(response.ok).toBe(false);
      expect(response.error!.code).toBe('unknown_request');
    }
    api.close();
    await stillServing();
  });

  it('item 2: frames that are not calls get no answer and change nothing', async () => {
    const api = await openApi(host.port, host.token);
    for (const text of ['null', '0', '"x"', '[]', '{"type":"call"}', '{"type":"call","id":{"a":1},"name":"app.info"}', '{', '\u0000']) {
      api.ws.send(text);
    }
    api.ws.send(Buffer.from('{"type":"call","id":1,"name":"app.info","arg":{}}'), { binary: true });
    const response = await api.call('app.info', {});
    expect(response.ok).toBe(true);
    api.close();
  });

  const protocolErrors: Array<[string, Buffer]> = [
    ['invalid UTF-8', frame(0x81, Buffer.from([0xc3, 0x28, 0xff, 0xfe]))],
    ['RSV1 set without compression', frame(0xc1, Buffer.from('{"type":"call"}'))],
    ['an unmasked client frame', frame(0x81, Buffer.from('{"type":"call"}'), { masked: false })],
    ['an unknown opcode', frame(0x83, Buffer.from('x'))],
    ['a frame declaring more than the largest call', frame(0x82, Buffer.alloc(0), { declaredLength: 65 * 1024 * 1024 })],
    ['a fragmented control frame', frame(0x09, Buffer.alloc(0)).fill(0x09, 0, 1)],
    ['a close frame with a reserved code', frame(0x88, Buffer.from([0x03, 0xec]))],
  ];
  for (const [what, bytes] of protocolErrors) {
    it(`item 2: ${what} closes that socket only`, async () => {
      const bystander = await openApi(host.port, host.token);
      const raw = await openRawSocket(host.port, host.token);
      const closed = closedByServer(raw);
      raw.write(bytes);
      await closed;
      expect((await bystander.call('app.info', {})).ok).toBe(true);
      bystander.close();
      await stillServing();
    });
  }

  it('item 3: a malformed percent-encoding in a static URL answers 400', async () => {
    for (const bad of ['/%E0%A4%A', '/%', '/%zz', '/assets/%E0%A4%A.js']) {
      const response = await get(host.port, `${bad}?token=${host.token}`);
      expect(response.status).toBe(400);
    }
    expect((await get(host.port, `/media/%E0%A4%A?token=${host.token}`)).status).toBe(404);
    await stillServing();
  });

  it('item 3: a media file that can be stat-ed but not opened answers an HTTP error', async () => {
    const response = await get(host.port, `/media/assets/locked.wav?token=${host.token}`);
    expect(response.status).toBe(403);
    await stillServing();
  });

  it('item 11: symbolic links inside the media folders are not followed', async () => {
    expect((await get(host.port, `/media/assets/link.wav?token=${host.token}`)).status).toBe(404);
    expect((await get(host.port, `/media/renders/secret.txt?token=${host.token}`)).status).toBe(404);
    await stillServing();
  });
});

describe('process guard', () => {
  it('item 2: an unhandled rejection in a request handler is logged and the process keeps running', () => {
    const script = `
      const { installProcessGuard } = await import('./src/main/process-guard.ts');
      installProcessGuard();
      Promise.reject(new Error('handler blew up'));
      (async () => { String({ toString: 1 }); })();
      setTimeout(() => console.log('still alive'), 50);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('still alive');
    expect(run.stderr).toContain('handler blew up');
    expect(run.stderr).toContain('Cannot convert object to primitive value');
  });
});
