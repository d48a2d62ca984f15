/** The JSON part of the source protocol: who am I, create/get bulletin records, list them. */
import type http from 'node:http';
import { z } from 'zod';
import { RecordMetadata, type BulletinRecords } from './bulletins.ts';
import type { Account } from './db.ts';
import { HttpError, readJson, sendJson } from './http-io.ts';

export const SERVER_NAME = 'studio-source-reference/0.1';

const IdempotencyKey = z.string().regex(/^[A-Za-z0-9._:-]{8,200}$/);

export async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  ctx: { account: Account; tokenExpiresAt: string | null; records: BulletinRecords },
): Promise<void> {
  const { account, records } = ctx;
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;

  if (route === 'GET /api/v1/whoami') {
    sendJson(res, 200, { account: account.name, server: SERVER_NAME, tokenExpiresAt: ctx.tokenExpiresAt });
    return;
  }
  if (route === 'POST /api/v1/bulletins') {
    const key = IdempotencyKey.safeParse(req.headers['idempotency-key']);
    if (!key.success) throw new HttpError(400, 'missing_idempotency_key', 'Idempotency-Key header (8–200 of A-Z a-z 0-9 . _ : -) is required');
    const metadata = RecordMetadata.safeParse(await readJson(req));
    if (!metadata.success) throw new HttpError(422, 'invalid_metadata', z.prettifyError(metadata.error));
    const outcome = records.createOrGet(account.id, key.data, metadata.data);
    if ('conflict' in outcome) {
      throw new HttpError(409, 'idempotency_conflict', 'this Idempotency-Key was used for different audio');
    }
    sendJson(res, outcome.created ? 201 : 200, outcome.record, { Location: `/api/v1/bulletins/${outcome.record.id}` });
    return;
  }
  if (route === 'GET /api/v1/bulletins') {
    const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
    sendJson(res, 200, { items: records.list(account.id, limit) });
    return;
  }
  const one = /^GET \/api\/v1\/bulletins\/(\d+)$/.exec(route);
  if (one) {
    const record = records.getOwned(account.id, Number(one[1]));
    if (!record) throw new HttpError(404, 'not_found', `no bulletin ${one[1]}`);
    sendJson(res, 200, record);
    return;
  }
  throw new HttpError(404, 'not_found', `no route ${route}`);
}
