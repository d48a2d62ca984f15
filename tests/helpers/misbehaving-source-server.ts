/**
 * A misbehaving source server: a real HTTP server on 127.0.0.1 that answers each request the way
 * the test chooses — an endless body, a drip of one byte at a time, garbage instead of JSON,
 * `null`, a redirect, a tus `Location` on another host, a dropped connection — or passes it on
 * to a real (reference) server, so one item can misbehave while the others are served properly.
 * It records every request (with whether it carried an Authorization header) and how many bytes
 * each endless answer managed to push before the client hung up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Misbehaviour =
  /** 200 and a body that never ends, written as fast as the client takes it. */
  | 'endless'
  /** 200, then one byte every `dripEveryMs`, forever: never idle, never done. */
  | 'drip'
  /** 200 with a body that is not JSON. */
  | 'garbage'
  /** 200 with the JSON body `null`. */
  | 'null'
  /** 302 to the same path on `elsewhere` (another origin). */
  | 'redirect'
  /** 201 with a tus `Location` on `elsewhere` (another origin). */
  | 'location-elsewhere'
  /** The connection is cut without an answer. */
  | 'drop'
  /** Passed on to `upstream` unchanged. */
  | 'proxy';

export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | null;
  /** The JSON body, for JSON requests. */
  body: unknown;
  behaviour: Misbehaviour;
}

export interface MisbehavingServerOptions {
  /** Picks the answer for each request (JSON bodies are read first and handed over). */
  choose(request: { method: string; path: string; body: unknown }): Misbehaviour;
  /** The real server that `proxy` passes requests to. */
  upstream?: string;
  /** Another origin, for `redirect` and `location-elsewhere`. */
  elsewhere?: string;
  dripEveryMs?: number;
}

export interface MisbehavingServer {
  url: string;
  requests: SeenRequest[];
  /** Body bytes written by each endless answer until the client stopped reading. */
  endlessBytes: number[];
  close(): Promise<void>;
}

const JSON_BODY_LIMIT = 1024 * 1024;

function readJsonBody(req: http.IncomingMessage): Promise<{ raw: Buffer; json: unknown }> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size <= JSON_BODY_LIMIT) parts.push(part);
    });
    req.on('error', reject);
    req.on('end', () => {
      const raw = Buffer.concat(parts);
      let json: unknown = undefined;
      try {
        json = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch {
        json = undefined;
      }
      resolve({ raw, json });
    });
  });
}

export async function startMisbehavingServer(options: MisbehavingServerOptions): Promise<MisbehavingServer> {
  const requests: SeenRequest[] = [];
  const endlessBytes: number[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<import('node:net').Socket>();
  const dripEveryMs = options.dripEveryMs ?? 200;

  const server = http.createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const isJson = /json/.test(String(req.headers['content-type'] ?? ''));
    const { raw, json } = isJson ? await readJsonBody(req) : { raw: null, json: undefined };
    const behaviour = options.choose({ method, path, body: json });
    requests.push({ method, path, authorization: req.headers.authorization ?? null, body: json, behaviour });
    switch (behaviour) {
      case 'endless': {
        const index = endlessBytes.push(0) - 1;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const block = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (!res.destroyed && res.write(block)) endlessBytes[index]! += block.length;
          if (!res.destroyed) res.once('drain', pump);
        };
        res.write('{"id":"');
        pump();
        return;
      }
      case 'drip': {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{');
        const timer = setInterval(() => {
          if (res.destroyed) {
            clearInterval(timer);
            timers.delete(timer);
          } else res.write(' ');
        }, dripEveryMs);
        timers.add(timer);
        return;
      }
      case 'garbage':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('<html>not json {{{');
        return;
      case 'null':
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('null');
        return;
      case 'redirect':
        res.writeHead(302, { Location: new URL(path, options.elsewhere ?? 'http://127.0.0.1:9').toString() });
        res.end();
        return;
      case 'location-elsewhere':
        res.writeHead(201, { Location: new URL('/files/elsewhere-upload', options.elsewhere ?? 'http://127.0.0.1:9').toString(), 'Tus-Resumable': '1.0.0' });
        res.end();
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'proxy': {
        if (!options.upstream) throw new Error('misbehaving server: proxy without upstream');
        const target = new URL(path, options.upstream);
        const upstream = http.request(target, { method, headers: { ...req.headers, host: target.host } }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        if (raw) upstream.end(raw);
        else req.pipe(upstream);
        return;
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    endlessBytes,
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
