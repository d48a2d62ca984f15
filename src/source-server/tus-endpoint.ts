/**
 * The tus 1.0 upload endpoint (@tus/server + @tus/file-store), with the checksum extension
 * (sha256) from verifying-store.ts and every upload tied to a bulletin record of its account.
 */
import { Server, type Upload } from '@tus/server';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { BulletinRecords } from './bulletins.ts';
import { checkToken, type SourceDb } from './db.ts';
import { HttpError } from './http-io.ts';
import { CHECKSUM_MISMATCH, VerifyingFileStore } from './verifying-store.ts';

export const TUS_PATH = '/files';
const CHECKSUM_HEADERS = { 'Tus-Checksum-Algorithm': 'sha256' };

export interface TusEndpoint {
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, accountId: number): Promise<void>;
  close(): void;
}

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const part of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(part as Buffer);
  return hash.digest('hex');
}

export async function createTusEndpoint(options: {
  dataDir: string;
  db: SourceDb;
  records: BulletinRecords;
  log: (line: string) => void;
}): Promise<TusEndpoint> {
  const { db, records, log } = options;
  const directory = path.join(options.dataDir, 'uploads');
  fs.mkdirSync(directory, { recursive: true });
  const store = new VerifyingFileStore(directory, db);
  // FileStore creates its folder with an async mkdir it does not expose; one more queued behind
  // it lets a quickly closed server (tests) remove the folder without racing that call.
  await fs.promises.mkdir(directory, { recursive: true });

  const ownerOf = (req: Request): number => {
    const auth = checkToken(db, req.headers.get('authorization'));
    if (!auth.ok) throw { status_code: 401, body: 'invalid token\n' };
    return auth.account.id;
  };

  const tus = new Server({
    path: TUS_PATH,
    datastore: store,
    relativeLocation: true,
    maxSize: 4 * 1024 ** 3,
    // Runs before the upload's lock is taken, so a later PATCH of the same upload may replace
    // the digest: that can only make a chunk fail its check (and be re-sent), never pass one.
    // For the same reason a PATCH without a checksum never clears a digest already set.
    async onIncomingRequest(req: Request, uploadId: string) {
      if (req.method !== 'PATCH') return;
      const header = req.headers.get('upload-checksum');
      if (header === null) {
        if (!store.expected.has(uploadId)) store.expected.set(uploadId, null);
        return;
      }
      const [algorithm, digest] = header.trim().split(/\s+/);
      if (algorithm !== 'sha256' || !digest) throw { status_code: 400, body: 'Upload-Checksum: only "sha256 <base64>" is supported\n' };
      store.expected.set(uploadId, digest);
    },
    async onResponseError(_req: Request, error: Error | { status_code: number; body: string }) {
      if (error === CHECKSUM_MISMATCH) log('a chunk failed its checksum; refused (the client re-sends it)');
      return undefined;
    },
    // Every upload belongs to a bulletin record of the same account, with the announced size.
    async onUploadCreate(req: Request, upload: Upload) {
      const accountId = ownerOf(req);
      const recordId = Number(upload.metadata?.bulletin ?? NaN);
      const record = Number.isInteger(recordId) ? records.getOwned(accountId, recordId) : null;
      if (!record) throw { status_code: 404, body: 'Upload-Metadata "bulletin" must name one of your bulletin records\n' };
      if (record.status !== 'awaiting_audio') throw { status_code: 409, body: 'this bulletin already has its audio\n' };
      if (upload.size !== record.bytes) throw { status_code: 400, body: `Upload-Length must be ${record.bytes}\n` };
      records.attachUpload(recordId, upload.id);
      return {};
    },
    // The whole file must match the sha256 announced in the metadata before the record counts
    // as received; a mismatch throws the upload away so the client starts it again.
    async onUploadFinish(req: Request, upload: Upload) {
      const accountId = ownerOf(req);
      const record = records.byUpload(accountId, upload.id);
      if (!record) throw { status_code: 404, body: 'upload no longer belongs to a bulletin\n' };
      const file = path.join(directory, upload.id);
      const actual = store.takeWholeSha256(upload.id, record.bytes) ?? (await sha256File(file));
      if (actual !== record.sha256) {
        log(`upload ${upload.id}: whole-file sha256 mismatch for bulletin ${record.id}`);
        await store.remove(upload.id).catch(() => undefined);
        store.expected.delete(upload.id);
        throw { status_code: 460, body: 'Checksum Mismatch: the complete file does not match the announced sha256\n' };
      }
      records.markReceived(Number(record.id), actual, path.relative(options.dataDir, file));
      store.expected.delete(upload.id);
      log(`bulletin ${record.id} received (${record.bytes} bytes, sha256 ok)`);
      return {};
    },
  });

  return {
    close: () => store.close(),
    async handle(req, res, url, accountId) {
      // An upload may only be touched by the account whose bulletin it belongs to.
      const uploadId = url.pathname.slice(TUS_PATH.length + 1);
      if (uploadId && req.method !== 'POST' && !records.byUpload(accountId, uploadId)) {
        throw new HttpError(404, 'not_found', 'no such upload', { 'Tus-Resumable': '1.0.0' });
      }
      if (req.method === 'OPTIONS') {
        for (const [name, value] of Object.entries(CHECKSUM_HEADERS)) res.setHeader(name, value);
      }
      await tus.handle(req, res);
    },
  };
}
