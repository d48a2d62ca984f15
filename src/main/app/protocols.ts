import { protocol, type CustomScheme } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from '../bridge/static-files.ts';
import { resolveMediaPath, serveMedia } from '../services/media/index.ts';
import type { Studio } from '../studio.ts';
import { APP_HOST, APP_SCHEME } from './origin.ts';

export { APP_ORIGIN } from './origin.ts';
export const MEDIA_BASE = 'studio-media://media/';

export const SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: 'studio-media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
];

/** The file under `rendererDir` a studio://app/… URL names, or null (another host, `..`, missing). */
export function rendererFile(rendererDir: string, url: URL): string | null {
  if (url.host !== APP_HOST) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
  // The separator matters: /app/renderer-old is not inside /app/renderer.
  if (!file.startsWith(root + path.sep)) return null;
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
}

/** studio://app/… serves the built screen; studio-media://media/… serves audio with Range. */
export function registerProtocols(studio: Studio, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    let file: string | null;
    try {
      file = rendererFile(rendererDir, new URL(request.url));
    } catch {
      file = null; // A malformed escape in the path.
    }
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(Readable.toWeb(fs.createReadStream(file)) as ReadableStream, {
      headers: {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
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
