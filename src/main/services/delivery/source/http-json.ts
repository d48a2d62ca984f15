/**
 * JSON requests to the source system over node:http(s). Not fetch: Node's fetch cannot take a
 * per-request trusted CA, and provincial servers often use their own certificate authority.
 *
 * A misbehaving server must not exhaust or stall the studio: every answer is read up to
 * MAX_JSON_BYTES and no further (`response_too_large`), every request has an overall deadline
 * besides the idle timeout, since one byte every few seconds defeats an idle timeout
 * (`server_too_slow`), and every body is checked against the protocol's schema before a field is
 * used, so `null`, garbage or a wrong shape is `bad_response`, never a TypeError (`internal`).
 */
import http from 'node:http';
import https from 'node:https';
import type { z } from 'zod';
import { StudioError } from '../../../../shared/errors.ts';
import { fromNetworkError, fromStatus } from './delivery-errors.ts';

export interface HttpTarget {
  serverUrl: string;
  token: string;
  /** Extra PEM certificate authority to trust. */
  ca?: string | Buffer;
  /** Overall limit for one request, answer included (default JSON_DEADLINE_MS). */
  deadlineMs?: number;
}

export interface JsonResponse<T> {
  status: number;
  body: T;
}

/** The protocol's JSON answers are a few hundred bytes; an error page a few KB. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** A JSON request on the slowest commune line takes seconds; this is far beyond that. */
export const JSON_DEADLINE_MS = 60_000;

export const tooLarge = (limit: number) => new StudioError('response_too_large', `response over ${limit} bytes`, { limit });
export const tooSlow = (deadlineMs: number) => new StudioError('server_too_slow', `no complete answer within ${deadlineMs} ms`, { deadlineMs });
export const badResponse = (what: string) => new StudioError('bad_response', what.slice(0, 300));

export function requestJson<T>(
  target: HttpTarget,
  method: 'GET' | 'POST',
  pathname: string,
  schema: z.ZodType<T>,
  options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<JsonResponse<T>> {
  const url = new URL(pathname, target.serverUrl);
  // `pathname` is always an absolute path of the protocol; this keeps the token on its origin.
  if (url.origin !== new URL(target.serverUrl).origin) return Promise.reject(badResponse(`path ${pathname} leaves ${target.serverUrl}`));
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const transport = url.protocol === 'https:' ? https : http;
  const deadlineMs = target.deadlineMs ?? JSON_DEADLINE_MS;
  return new Promise<JsonResponse<T>>((resolve, reject) => {
    let settled = false;
    const settle = (error: StudioError | null, value?: JsonResponse<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(value!);
    };
    const req = transport.request(
      url,
      {
        method,
        ca: target.ca,
        signal: options.signal,
        timeout: options.timeoutMs ?? 30_000,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${target.token}`,
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > MAX_JSON_BYTES) {
          settle(tooLarge(MAX_JSON_BYTES));
          return;
        }
        const parts: Buffer[] = [];
        let received = 0;
        res.on('data', (part: Buffer) => {
          received += part.length;
          if (received > MAX_JSON_BYTES) settle(tooLarge(MAX_JSON_BYTES));
          else parts.push(part);
        });
        res.on('error', (error) => settle(fromNetworkError(error, target.serverUrl)));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            settle(fromStatus(status, text));
            return;
          }
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            settle(badResponse(`not JSON: ${text.slice(0, 100)}`));
            return;
          }
          const parsed = schema.safeParse(json);
          if (!parsed.success) {
            settle(badResponse(`${method} ${url.pathname}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'} ${issue.message}`).join('; ')}`));
            return;
          }
          settle(null, { status, body: parsed.data });
        });
      },
    );
    const deadline = setTimeout(() => settle(tooSlow(deadlineMs)), deadlineMs);
    req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => settle(fromNetworkError(error, target.serverUrl)));
    req.end(payload);
  });
}
