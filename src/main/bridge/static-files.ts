import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

/** Content types of the built screen's files (the Electron shell's studio:// handler uses them too). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The same policy the Electron shell sets: our own code only, media from our own origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // studio-media: is how the Electron shell serves audio (app/protocols.ts); the bridge uses /media/.
  "media-src 'self' blob: studio-media:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the built renderer; unknown paths get index.html (the screen routes by hash). */
export function serveStatic(rendererDir: string, pathname: string, res: ServerResponse, extraHeaders: Record<string, string>) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A malformed escape (`/%E0%A4%A`) names no file of ours.
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Bad Request');
    return;
  }
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  let file = path.resolve(rendererDir, relative || 'index.html');
  if (!file.startsWith(path.resolve(rendererDir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    file = path.join(rendererDir, 'index.html');
  }
  if (!fs.existsSync(file)) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The screen is not built: run `npm run build:renderer` (npm run web does it for you).');
    return;
  }
  const isIndex = file.endsWith('index.html');
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // Built assets carry content hashes in their names; index.html must always be fresh.
    'Cache-Control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    ...extraHeaders,
  });
  const body = fs.createReadStream(file);
  body.once('error', () => res.destroy());
  body.pipe(res);
}
