/**
 * JSON requests to the source system over node:http(s). Not fetch: Node's fetch cannot take a
 * per-request trusted CA, and provincial servers often use their own certificate authority.
 */
import http from 'node:http';
import https from 'node:https';
import { fromNetworkError, fromStatus } from './delivery-errors.ts';

export interface HttpTarget {
  serverUrl: string;
  token: string;
  /** Extra PEM certificate authority to trust. */
  ca?: string | Buffer;
}

export interface JsonResponse<T> {
  status: number;
  body: T;
}

export function requestJson<T>(
  target: HttpTarget,
  method: 'GET' | 'POST',
  pathname: string,
  options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<JsonResponse<T>> {
  const url = new URL(pathname, target.serverUrl);
  const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<JsonResponse<T>>((resolve, reject) => {
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
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('error', (error) => reject(fromNetworkError(error, target.serverUrl)));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(fromStatus(status, text));
            return;
          }
          try {
            resolve({ status, body: JSON.parse(text) as T });
          } catch {
            reject(fromStatus(status, `not JSON: ${text.slice(0, 100)}`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => reject(fromNetworkError(error, target.serverUrl)));
    req.end(payload);
  });
}
