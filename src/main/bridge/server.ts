import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientFrame, ServerFrame } from '../../shared/transport.ts';
import { resolveMediaPath, serveMedia } from '../services/media/serve-media.ts';
import type { Studio } from '../studio.ts';
import { newRunToken, presentedToken, sameOrigin, tokenCookie, tokenMatches } from './auth.ts';
import { serveStatic } from './static-files.ts';

export interface BridgeOptions {
  studio: Studio;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Browser mode: the built screen, media with Range, and dispatch over a WebSocket, loopback only. */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? newRunToken();
  const { studio } = options;
  let port = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!sameOrigin(req, port) || !tokenMatches(presentedToken(req, url), token)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Không có quyền truy cập / Forbidden: open the address printed by `npm run web`.');
      return;
    }
    const cookie: Record<string, string> = url.searchParams.has('token') ? { 'Set-Cookie': tokenCookie(token) } : {};
    if (url.pathname.startsWith('/media/')) {
      const file = resolveMediaPath(studio.services.dataDir, url.pathname.slice('/media/'.length));
      const media = serveMedia(file, req.headers.range);
      res.writeHead(media.status, media.headers);
      if (media.body && req.method !== 'HEAD') media.body.pipe(res);
      else res.end();
      return;
    }
    serveStatic(options.rendererDir, url.pathname, res, cookie);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api' || !sameOrigin(req, port) || !tokenMatches(presentedToken(req, url), token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, studio));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveSocket(ws: WebSocket, studio: Studio): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = studio.events.subscribe((event) => send({ type: 'event', event }));
  ws.on('close', unsubscribe);
  ws.on('message', async (data) => {
    let frame: ClientFrame;
    try {
      frame = JSON.parse(String(data)) as ClientFrame;
    } catch {
      return; // Not ours: a malformed frame gets no answer and changes nothing.
    }
    if (frame?.type !== 'call' || typeof frame.id !== 'number') return;
    const response = await studio.dispatch(frame.name, frame.arg, { actor: studio.defaultActor() });
    send({ type: 'reply', id: frame.id, response });
  });
}
