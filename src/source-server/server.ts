/**
 * The reference source server ("Hệ thống thông tin nguồn" stand-in): the JSON API and the tus
 * upload endpoint behind Bearer tokens, over HTTP or HTTPS. See docs/source-protocol.openapi.yaml.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { handleApi, SERVER_NAME } from './api.ts';
import { BulletinRecords } from './bulletins.ts';
import { checkToken, openSourceDb, type SourceDb } from './db.ts';
import { HttpError, sendError, sendJson } from './http-io.ts';
import { createTusEndpoint, TUS_PATH } from './tus-endpoint.ts';

export interface SourceServerOptions {
  dataDir: string;
  host?: string;
  port?: number;
  /** PEM key and certificate: serve HTTPS instead of HTTP. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  log?: (line: string) => void;
  /** Answer every API and upload request with this status (a province server having a bad day). */
  simulateStatus?: number;
}

export interface SourceServer {
  url: string;
  port: number;
  db: SourceDb;
  records: BulletinRecords;
  close(): Promise<void>;
}

const AUTH_TEXT = {
  missing: 'send Authorization: Bearer <token>',
  invalid: 'the token is not known to this server',
  expired: 'the token has expired; ask the province for a new one',
} as const;

export async function startSourceServer(options: SourceServerOptions): Promise<SourceServer> {
  const log = options.log ?? ((line: string) => console.log(`[source-server] ${line}`));
  const db = openSourceDb(options.dataDir);
  const records = new BulletinRecords(db);
  const tus = await createTusEndpoint({
    dataDir: options.dataDir,
    db,
    records,
    log,
  });

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `${options.tls ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
    try {
      if (req.method === 'GET' && url.pathname === '/health') {
        sendJson(res, 200, { ok: true, server: SERVER_NAME });
        return;
      }
      if (options.simulateStatus) throw new HttpError(options.simulateStatus, 'simulated', 'simulated server fault');
      const isTus = url.pathname === TUS_PATH || url.pathname.startsWith(`${TUS_PATH}/`);
      if (!isTus && !url.pathname.startsWith('/api/v1/')) throw new HttpError(404, 'not_found', 'not found');
      if (isTus && req.method === 'OPTIONS') {
        await tus.handle(req, res, url, 0);
        return;
      }
      const auth = checkToken(db, req.headers.authorization);
      if (!auth.ok) {
        // Never log the token itself: only that one was refused and why.
        log(`${req.method} ${url.pathname}: token ${auth.reason}`);
        const error = auth.reason === 'expired' ? 'token_expired' : auth.reason === 'missing' ? 'missing_token' : 'invalid_token';
        throw new HttpError(401, error, AUTH_TEXT[auth.reason], {
          'WWW-Authenticate': `Bearer error="invalid_token", error_description="${error}"`,
          ...(isTus ? { 'Tus-Resumable': '1.0.0' } : {}),
        });
      }
      if (isTus) await tus.handle(req, res, url, auth.account.id);
      else await handleApi(req, res, url, { account: auth.account, tokenExpiresAt: auth.expiresAt, records });
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendError(res, error);
        return;
      }
      log(`${req.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
      sendError(res, new HttpError(500, 'internal', 'internal server error'));
    }
  };

  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, (req, res) => void handler(req, res))
    : http.createServer((req, res) => void handler(req, res));
  // Uploads on slow commune lines can take minutes per chunk: no request timeout.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    db,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          tus.close();
          db.close();
          resolve();
        });
      }),
  };
}
