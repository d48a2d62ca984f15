/**
 * tus-js-client's HTTP stack for the source connector, written here for two reasons:
 * - tus-js-client does not implement the tus checksum extension: each PATCH body (a chunk from
 *   chunk-source.ts) gets `Upload-Checksum: sha256 <base64>`, so the server refuses a chunk
 *   altered in transit (460) and the client re-sends just that chunk;
 * - its Node stack feeds a Buffer body in 16 KiB writes, each waiting for 'drain'; handing the
 *   whole chunk to the socket at once is what keeps pace with curl on a fast line.
 * It also counts the body bytes put on the wire (re-sends included) for the outbox.
 *
 * And it is where a hostile or broken server is contained: answers are read up to
 * MAX_TUS_RESPONSE_BYTES, each request has an overall deadline (for a PATCH, scaled by its body
 * at the slowest line the studio supports), and the token goes only to the configured origin:
 * a request tus-js-client builds from a `Location` on another host is refused before it is sent.
 */
import http from 'node:http';
import https from 'node:https';
import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';
import { StudioError } from '../../../../shared/errors.ts';
import type { HashedChunk } from './chunk-source.ts';
import { JSON_DEADLINE_MS, tooLarge, tooSlow } from './http-json.ts';

const PROGRESS_EVERY_MS = 250;
export const IDLE_TIMEOUT_MS = 60_000;
/** tus answers have no body worth reading beyond an error text. */
export const MAX_TUS_RESPONSE_BYTES = 64 * 1024;
/** The slowest line a chunk's deadline allows for (16 KiB/s, about 128 kbit/s). */
const SLOWEST_LINE_BYTES_PER_SEC = 16 * 1024;

export interface StackOptions {
  ca?: string | Buffer;
  https: boolean;
  idleTimeoutMs?: number;
  /** Overall limit of a request without a body; a PATCH gets its body's time on the slowest line on top. */
  deadlineMs?: number;
  /** The Authorization header and the one origin it may go to. */
  authorization?: { origin: string; value: string };
}

class NodeResponse implements HttpResponse {
  constructor(
    private readonly response: http.IncomingMessage,
    private readonly body: string,
  ) {}
  getStatus = () => this.response.statusCode ?? 0;
  getHeader = (header: string) => {
    const value = this.response.headers[header.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  getBody = () => this.body;
  getUnderlyingObject = () => this.response;
}

class NodeRequest implements HttpRequest {
  private readonly headers: Record<string, string> = {};
  private progress: (bytesSent: number) => void = () => undefined;
  private request: http.ClientRequest | null = null;

  constructor(
    private readonly method: string,
    private readonly url: string,
    private readonly options: { ca?: string | Buffer; agent: http.Agent; idleTimeoutMs: number; deadlineMs: number; authorization?: StackOptions['authorization'] },
    private readonly onBodySent: (bytes: number) => void,
  ) {}

  getMethod = () => this.method;
  getURL = () => this.url;
  setHeader = (header: string, value: string) => {
    this.headers[header] = value;
  };
  getHeader = (header: string) => this.headers[header];
  setProgressHandler = (handler: (bytesSent: number) => void) => {
    this.progress = handler;
  };
  getUnderlyingObject = () => this.request;

  async send(body: unknown = null): Promise<HttpResponse> {
    const payload = body instanceof Uint8Array ? (body as HashedChunk) : null;
    if (payload) {
      this.headers['Content-Length'] = String(payload.length);
      const digest = payload.sha256Base64 ? await payload.sha256Base64 : null;
      if (digest) this.headers['Upload-Checksum'] = `sha256 ${digest}`;
    }
    const url = new URL(this.url);
    const { authorization } = this.options;
    if (authorization) {
      if (url.origin !== authorization.origin) {
        throw new StudioError('redirect_refused', `${url.origin} != ${authorization.origin}`, { location: url.origin, server: authorization.origin });
      }
      this.headers.Authorization = authorization.value;
    }
    const transport = url.protocol === 'https:' ? https : http;
    const deadlineMs = this.options.deadlineMs + Math.ceil(((payload?.length ?? 0) / SLOWEST_LINE_BYTES_PER_SEC) * 1000);
    return new Promise<HttpResponse>((resolve, reject) => {
      const request = transport.request(url, { method: this.method, headers: this.headers, agent: this.options.agent, ca: this.options.ca });
      this.request = request;
      // Why this request was cut off by us; it wins over whatever error the destroyed socket reports.
      let refusal: StudioError | null = null;
      const cutOff = (error: StudioError) => {
        refusal ??= error;
        request.destroy(error);
      };
      // Inactivity is not enough: a server dripping a byte every few seconds is never idle.
      const deadline = setTimeout(() => cutOff(tooSlow(deadlineMs)), deadlineMs);
      request.once('close', () => clearTimeout(deadline));
      // A line that silently dies (no reset, no bytes) must fail the request so it is retried,
      // not hang the outbox forever. Inactivity, not duration: slow lines are fine.
      request.setTimeout(this.options.idleTimeoutMs, () =>
        request.destroy(Object.assign(new Error(`no data for ${this.options.idleTimeoutMs} ms`), { code: 'ETIMEDOUT' })),
      );
      let timer: NodeJS.Timeout | null = null;
      const stop = () => {
        if (timer) clearInterval(timer);
        timer = null;
      };
      request.on('response', (response) => {
        const parts: Buffer[] = [];
        let received = 0;
        response.on('data', (part: Buffer) => {
          received += part.length;
          if (received > MAX_TUS_RESPONSE_BYTES) cutOff(tooLarge(MAX_TUS_RESPONSE_BYTES));
          else parts.push(part);
        });
        response.on('error', (error) => {
          stop();
          reject(refusal ?? error);
        });
        response.on('end', () => {
          stop();
          // A server that answered before reading the whole body (an error): the chunk's buffer is
          // reused for the next chunk (chunk-source.ts), so no write of it may still be pending on
          // a socket the agent would keep alive.
          if (!request.writableFinished) request.destroy();
          resolve(new NodeResponse(response, Buffer.concat(parts).toString('utf8')));
        });
      });
      request.on('error', (error) => {
        stop();
        reject(refusal ?? error);
      });
      // A destroy() after the response began may end it with neither 'end' nor 'error'.
      request.on('close', () => {
        stop();
        reject(refusal ?? Object.assign(new Error('connection closed before the answer was complete'), { code: 'ECONNRESET' }));
      });
      if (!payload || payload.length === 0) {
        request.end();
        return;
      }
      this.onBodySent(payload.length);
      // Progress from the socket's own count: the chunk is handed over whole, in one write.
      let base: number | null = null;
      timer = setInterval(() => {
        const socket = request.socket;
        if (!socket) return;
        base ??= socket.bytesWritten;
        this.progress(Math.min(payload.length, Math.max(0, socket.bytesWritten - base)));
      }, PROGRESS_EVERY_MS);
      request.on('finish', () => this.progress(payload.length));
      request.end(payload);
    });
  }

  abort(): Promise<void> {
    this.request?.destroy();
    return Promise.resolve();
  }
}

export class ChecksumHttpStack implements HttpStack {
  private readonly agent: http.Agent;

  constructor(
    private readonly options: StackOptions,
    private readonly onBodySent: (bytes: number) => void,
  ) {
    // Keep-alive: one connection for the whole upload instead of one per chunk.
    this.agent = options.https ? new https.Agent({ keepAlive: true, ca: options.ca }) : new http.Agent({ keepAlive: true });
  }

  createRequest(method: string, url: string): HttpRequest {
    return new NodeRequest(
      method,
      url,
      {
        ca: this.options.ca,
        agent: this.agent,
        idleTimeoutMs: this.options.idleTimeoutMs ?? IDLE_TIMEOUT_MS,
        deadlineMs: this.options.deadlineMs ?? JSON_DEADLINE_MS,
        authorization: this.options.authorization,
      },
      this.onBodySent,
    );
  }

  getName(): string {
    return 'ChecksumNodeHttpStack';
  }

  /** Closes idle keep-alive sockets once the upload is over. */
  close(): void {
    this.agent.destroy();
  }
}
