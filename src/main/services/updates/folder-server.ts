import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import parseRange from 'range-parser';
import { MANIFEST_FILE } from './latest-yml.ts';

export interface FolderServer {
  /** Base URL for electron-updater's generic provider, ending in '/': http://127.0.0.1:PORT/PREFIX/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  folder: string;
  /** The only names answered (VerifiedUpdate.servedFiles): latest.yml, the installer, its block map. */
  files: readonly string[];
}

const LOOPBACK = '127.0.0.1';

/**
 * electron-updater downloads only over http(s), so a USB or LAN folder is lent to its generic
 * provider through this server: bound to 127.0.0.1, under a random path prefix (another local
 * program cannot guess it), answering only the verified files and 404 to anything else. Range
 * requests, single and multiple (multipart/byteranges), are served because electron-updater's
 * differential download asks for the changed blocks of an installer that way.
 */
export async function serveUpdateFolder(options: ServeOptions): Promise<FolderServer> {
  const prefix = crypto.randomBytes(24).toString('base64url');
  const allowed = new Set(options.files);
  let port = 0;

  const server = http.createServer((req, res) => {
    const name = requestedFile(req, prefix, port);
    if (name === null || !allowed.has(name)) return end(res, 404);
    if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, { Allow: 'GET, HEAD' });
    const file = path.join(options.folder, name);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return end(res, 404);
    }
    sendFile(req, res, file, size, name === MANIFEST_FILE ? 'text/yaml; charset=utf-8' : 'application/octet-stream');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/${prefix}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The file name under our prefix, or null: wrong prefix, a sub-path, a foreign Host (DNS rebinding). */
function requestedFile(req: http.IncomingMessage, prefix: string, port: number): string | null {
  if (req.headers.host !== `${LOOPBACK}:${port}`) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', `http://${LOOPBACK}`).pathname);
  } catch {
    return null;
  }
  const head = `/${prefix}/`;
  if (!pathname.startsWith(head)) return null;
  const name = pathname.slice(head.length);
  return name && !name.includes('/') && !name.includes('\\') ? name : null;
}

function end(res: http.ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': '0', ...headers });
  res.end();
}

function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, size: number, type: string): void {
  const common = { 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
  const header = req.headers.range;
  const ranges = header ? parseRange(size, header, { combine: true }) : -2;
  if (ranges === -1) return end(res, 416, { ...common, 'Content-Range': `bytes */${size}` });
  // No Range, or one we cannot read (-2): the whole file, as RFC 9110 §14.2 allows.
  if (ranges === -2 || ranges.type !== 'bytes') {
    res.writeHead(200, { ...common, 'Content-Type': type, 'Content-Length': String(size) });
    return stream(req, res, file);
  }
  if (ranges.length === 1) {
    const { start, end: last } = ranges[0]!;
    res.writeHead(206, { ...common, 'Content-Type': type, 'Content-Length': String(last - start + 1), 'Content-Range': `bytes ${start}-${last}/${size}` });
    return stream(req, res, file, start, last);
  }
  const boundary = crypto.randomBytes(12).toString('hex');
  const heads = ranges.map(({ start, end: last }, i) =>
    Buffer.from(`${i === 0 ? '' : '\r\n'}--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${start}-${last}/${size}\r\n\r\n`),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = heads.reduce((n, h, i) => n + h.length + ranges[i]!.end - ranges[i]!.start + 1, tail.length);
  res.writeHead(206, { ...common, 'Content-Type': `multipart/byteranges; boundary=${boundary}`, 'Content-Length': String(length) });
  if (req.method === 'HEAD') return void res.end();
  void (async () => {
    try {
      for (const [i, { start, end: last }] of ranges.entries()) {
        if (!res.write(heads[i])) await drained(res);
        for await (const chunk of fs.createReadStream(file, { start, end: last })) {
          if (!res.write(chunk)) await drained(res);
        }
      }
      res.end(tail);
    } catch {
      res.destroy();
    }
  })();
}

function stream(req: http.IncomingMessage, res: http.ServerResponse, file: string, start?: number, last?: number): void {
  if (req.method === 'HEAD') return void res.end();
  const body = fs.createReadStream(file, start === undefined ? {} : { start, end: last });
  body.on('error', () => res.destroy());
  body.pipe(res);
}

const drained = (res: http.ServerResponse) =>
  new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      res.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      res.off('drain', onDrain);
      reject(new Error('closed'));
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
