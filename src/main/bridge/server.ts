import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientFrame, ServerFrame } from '../../shared/transport.ts';
import { StudioError } from '../../shared/errors.ts';
import { resolveMediaPath, serveMedia, type MediaResponse } from '../services/media/index.ts';
import type { CoreFaces, StudioBase } from '../studio-core.ts';

/** Any opened studio: the bridge needs only the core services (files, the data folder), events and dispatch. */
type Studio = StudioBase<CoreFaces>;
import { newRunToken, presentedToken, sameOrigin, tokenCookie, tokenMatches } from './auth.ts';
import { handleFileEndpoint } from './file-endpoints.ts';
import { serveStatic } from './static-files.ts';

export interface BridgeOptions {
  studio: Studio;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Test hook: a smaller upload limit than each purpose's own (UPLOAD_LIMITS). */
  maxUploadBytes?: number;
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
  let connections = 0;

  const server = http.createServer((req, res) => {
    try {
      serveHttp(req, res);
    } catch (error) {
      // One bad request answers 500 and the host keeps serving everyone else.
      console.error('[bridge] request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    }
  });

  const serveHttp = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!sameOrigin(req, port) || !tokenMatches(presentedToken(req, url), token)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      // A tab from an earlier run (the host restarted, so its token is dead) lands here too: say how to get in.
      res.end(
        'Không có quyền truy cập: địa chỉ này thuộc một lần chạy Studio trước đó hoặc bị gõ sai. Mở địa chỉ mới mà lệnh `npm run web` in ra.\n' +
          'Forbidden: this address belongs to an earlier run of Studio or is mistyped. Open the new address printed by `npm run web`.\n',
      );
      return;
    }
    const cookie: Record<string, string> = url.searchParams.has('token') ? { 'Set-Cookie': tokenCookie(token) } : {};
    if (handleFileEndpoint(req, res, url, { files: studio.services.files, maxUploadBytes: options.maxUploadBytes })) return;
    if (url.pathname.startsWith('/media/')) {
      const file = resolveMediaPath(studio.services.dataDir, url.pathname.slice('/media/'.length));
      sendMedia(serveMedia(file, req.headers.range), req, res);
      return;
    }
    serveStatic(options.rendererDir, url.pathname, res, cookie);
  };

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  sockets.on('error', (error) => console.error('[bridge] WebSocket server error:', error));
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api' || !sameOrigin(req, port) || !tokenMatches(presentedToken(req, url), token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, studio, `ws:${++connections}`));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  // Uploads a previous run staged and nobody used.
  void studio.services.files.uploads.sweep().catch(() => undefined);
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A page's keep-alive or a media stream would hold close() open for as long as the tab lives
      // (the host then never exits on SIGTERM): the studio is going, so are its connections.
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * The largest call frame the screen sends is a recorder chunk (about 256 KiB of base64) or a
 * 200,000-character script; 8 MiB leaves room and keeps one frame from costing the host much memory.
 */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;
/** Calls one connection may have unanswered at once; more are refused as `busy`, not queued without end. */
export const MAX_CALLS_IN_FLIGHT = 64;

function serveSocket(ws: WebSocket, studio: Studio, client: string): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = studio.events.subscribe((event) => send({ type: 'event', event }));
  ws.on('close', unsubscribe);
  // A protocol error (invalid UTF-8, RSV1 without compression, an unmasked or oversized frame, an
  // unknown opcode) is that connection's problem: ws has already failed it with a close code;
  // without this listener the 'error' event would end the whole host.
  ws.on('error', (error) => {
    console.error(`[bridge] ${client} closed after a protocol error: ${error.message}`);
    ws.terminate();
  });
  let inFlight = 0;
  ws.on('message', (data, isBinary) => {
    let frame: ClientFrame;
    try {
      frame = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString('utf8') : String(data)) as ClientFrame;
    } catch {
      return; // Not ours: a malformed frame gets no answer and changes nothing.
    }
    if (typeof frame !== 'object' || frame === null || frame.type !== 'call' || !Number.isSafeInteger(frame.id)) return;
    const { id } = frame;
    if (inFlight >= MAX_CALLS_IN_FLIGHT) {
      const error = new StudioError('busy', `more than ${MAX_CALLS_IN_FLIGHT} calls in flight on one connection`);
      send({ type: 'reply', id, response: { ok: false, error: error.toPayload() } });
      return;
    }
    inFlight++;
    void studio
      .dispatch(frame.name, frame.arg, { actor: studio.defaultActor(), client })
      .catch((error: unknown) => {
        // Dispatch answers every failure itself; this is the belt to its braces.
        console.error(`[bridge] call ${id} failed outside dispatch:`, error);
        return { ok: false as const, error: new StudioError('internal', 'unexpected error').toPayload() };
      })
      .then((response) => send({ type: 'reply', id, response }))
      .finally(() => inFlight--);
  });
}

/** Streams a media answer; a read that fails midway (a lock, a bad sector) ends that response, not the host. */
function sendMedia(media: MediaResponse, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(media.status, media.headers);
  const body = media.body;
  if (!body || req.method === 'HEAD') {
    body?.destroy();
    res.end();
    return;
  }
  body.once('error', (error) => {
    console.error(`[bridge] media read failed: ${error.message}`);
    res.destroy();
  });
  res.once('close', () => body.destroy());
  body.pipe(res);
}
