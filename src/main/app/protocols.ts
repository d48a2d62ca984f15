import { protocol, type CustomScheme } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from '../bridge/static-files.ts';
import { resolveMediaPath, serveMedia } from '../services/media/serve-media.ts';
import type { Studio } from '../studio.ts';

export const APP_ORIGIN = 'studio://app';
export const MEDIA_BASE = 'studio-media://media/';

export const SCHEMES: CustomScheme[] = [
  { scheme: 'studio', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: 'studio-media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
];

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.json': 'application/json' };

/** studio://app/… serves the built screen; studio-media://media/… serves audio with Range. */
export function registerProtocols(studio: Studio, rendererDir: string): void {
  protocol.handle('studio', (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`);
    if (url.host !== 'app' || !file.startsWith(rendererDir) || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    return new Response(Readable.toWeb(fs.createReadStream(file)) as ReadableStream, {
      headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    });
  });
  protocol.handle('studio-media', (request) => {
    const url = new URL(request.url);
    const file = url.host === 'media' ? resolveMediaPath(studio.services.dataDir, url.pathname.slice(1)) : null;
    const media = serveMedia(file, request.headers.get('range') ?? undefined);
    const body = media.body ? (Readable.toWeb(media.body) as ReadableStream) : null;
    return new Response(body, { status: media.status, headers: media.headers });
  });
}
