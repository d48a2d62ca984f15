/**
 * Browser mode's stand-ins for the native dialogs: uploads (the browser cannot hand over a path)
 * and a folder chooser served from the host. The bridge has already checked the run's token and
 * the Host/Origin; these endpoints also refuse any peer that is not this machine, whatever
 * address the host was bound to.
 */
import type http from 'node:http';
import { FILE_ENDPOINTS, FilePurpose, FolderPurpose, UPLOAD_LIMITS } from '../../shared/api/files.ts';
import { StudioError, type ErrorPayload } from '../../shared/errors.ts';
import { sniffAudioFormat } from '../services/audio/index.ts';
import type { Files } from '../services/files/index.ts';

export interface FileEndpointOptions {
  files: Files;
  /** Test hook: a smaller upload limit than the purpose's own. */
  maxUploadBytes?: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The status each refusal answers with; the body carries the coded error the screen words. */
const STATUS: Partial<Record<ErrorPayload['code'], number>> = {
  too_large: 413,
  unsupported_format: 415,
  audio_corrupt: 415,
  invalid_argument: 400,
  not_found: 404,
  conflict: 409,
  not_a_file: 400,
  permission_denied: 403,
  unauthorized: 403,
  disk_full: 507,
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: http.ServerResponse, error: unknown): void {
  const typed = error instanceof StudioError ? error : new StudioError('internal', error instanceof Error ? error.message : String(error));
  if (!(error instanceof StudioError)) console.error('[bridge] file endpoint failed:', error);
  sendJson(res, STATUS[typed.code] ?? 500, { error: typed.toPayload() });
}

const parsePurpose = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: string | null, fallback: T): T => {
  if (value === null) return fallback;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StudioError('invalid_argument', `unknown purpose "${value}"`);
  return parsed.data;
};

/** Answers the request when it is one of FILE_ENDPOINTS (true), else leaves it to the caller (false). */
export function handleFileEndpoint(req: http.IncomingMessage, res: http.ServerResponse, url: URL, options: FileEndpointOptions): boolean {
  const isFolders = url.pathname === FILE_ENDPOINTS.folders;
  const isUpload = url.pathname === FILE_ENDPOINTS.upload;
  if (!isFolders && !isUpload) return false;
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    req.resume();
    sendError(res, new StudioError('unauthorized', 'file endpoints answer this machine only'));
    return true;
  }
  const answer = async () => {
    if (isFolders && req.method === 'GET') {
      const purpose = parsePurpose(FolderPurpose.or(FilePurpose), url.searchParams.get('purpose'), 'any');
      return sendJson(res, 200, await options.files.folders(url.searchParams.get('path') || undefined, purpose));
    }
    if (isFolders && req.method === 'POST') {
      // "Thư mục mới": the name and the folder it goes in come in the query; the body is not read.
      req.resume();
      const purpose = parsePurpose(FolderPurpose.or(FilePurpose), url.searchParams.get('purpose'), 'any');
      const parent = url.searchParams.get('path');
      if (!parent) throw new StudioError('invalid_argument', 'no folder to create the new one in', { reason: 'folder_unreadable', path: '' });
      return sendJson(res, 200, await options.files.createFolder(parent, url.searchParams.get('name') ?? '', purpose));
    }
    if (isUpload && req.method === 'POST') {
      const purpose = parsePurpose(FilePurpose, url.searchParams.get('purpose'), 'any');
      const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
      const staged = await options.files.uploads.stage(req, {
        name: url.searchParams.get('name') ?? '',
        maxBytes: Math.min(UPLOAD_LIMITS[purpose], options.maxUploadBytes ?? Infinity),
        declaredBytes: Number.isFinite(declared) ? declared : undefined,
        // Audio is recognised by its content (as the import does), so a wrong file is refused at once, not after a long upload.
        checkHead: purpose === 'audio' ? (head) => void sniffAudioFormat(head) : undefined,
        keep: purpose === 'certificate',
      });
      // Uploads nobody released (a closed tab) do not pile up.
      void options.files.uploads.sweep().catch(() => undefined);
      return sendJson(res, 200, staged);
    }
    if (isUpload && req.method === 'DELETE') {
      await options.files.uploads.release(url.searchParams.get('path') ?? '');
      res.writeHead(204).end();
      return;
    }
    req.resume();
    res.writeHead(405, { Allow: isUpload ? 'POST, DELETE' : 'GET, POST' }).end();
  };
  answer().catch((error: unknown) => {
    if (!res.headersSent) sendError(res, error);
    else res.destroy();
  });
  return true;
}
