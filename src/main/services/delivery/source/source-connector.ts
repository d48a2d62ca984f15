/**
 * The source-system connector (docs/source-protocol.openapi.yaml): the bulletin's metadata is
 * registered with an Idempotency-Key, then its audio goes up with tus (resumable, sha256 per
 * chunk), and the receiver's sha256 of the whole file is checked before it counts as delivered.
 */
import type { DetailedError } from 'tus-js-client';
import { z } from 'zod';
import { REMOTE_STATUSES, type ConnectionInfo } from '../../../../shared/api/delivery.ts';
import { StudioError } from '../../../../shared/errors.ts';
import type { Connector, DeliveryPayload, RemoteStatusInfo, ResumeState, SendContext, SendResult } from '../connector.ts';
import { ChecksumHttpStack } from './checksum-http-stack.ts';
import { chunkFileReader } from './chunk-source.ts';
import { fromNetworkError, fromStatus } from './delivery-errors.ts';
import { requestJson, type HttpTarget } from './http-json.ts';
import { chunkSizeFor, recordLineSpeed } from './line-speed.ts';

export interface SourceConnectorOptions extends HttpTarget {
  /** The first upload's chunk size; later ones follow the measured line speed (line-speed.ts). */
  chunkSize: number;
  /** tus-js-client's quick in-attempt retries; the outbox adds its own longer backoff on top. */
  retryDelays?: number[];
  /** Body bytes written to the wire (re-sends included), for the outbox's accounting. */
  onWireBytes?: (bytes: number) => void;
  /** A request with no bytes moving for this long is given up and retried (default 60 s). */
  idleTimeoutMs?: number;
}

/** The answers the connector reads (docs/source-protocol.openapi.yaml); other fields are ignored. */
const RemoteRecord = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(REMOTE_STATUSES),
  reason: z.string().max(10_000).nullable(),
  receivedSha256: z.string().max(128).nullable(),
});
const WhoAmI = z.object({
  account: z.string().max(500),
  server: z.string().max(500),
  tokenExpiresAt: z.string().max(100).nullable(),
});

interface SourceResume extends ResumeState {
  remoteId?: string;
  uploadUrl?: string;
}

/** Server statuses worth another try inside one attempt; auth and validation errors are not. */
const retryable = (status: number): boolean => status === 0 || status === 409 || status === 423 || status === 460 || status >= 500;

/**
 * Drills and tests shorten the per-request deadline (STUDIO_SOURCE_DEADLINE_MS), so a stalled
 * server is given up on in seconds rather than the production minutes.
 */
export function sourceLimitsFromEnv(): { deadlineMs?: number } {
  const deadline = Number(process.env.STUDIO_SOURCE_DEADLINE_MS);
  return Number.isFinite(deadline) && deadline > 0 ? { deadlineMs: deadline } : {};
}

export class SourceConnector implements Connector {
  readonly kind = 'source' as const;

  constructor(private readonly options: SourceConnectorOptions) {}

  async test(signal?: AbortSignal): Promise<ConnectionInfo> {
    const { body } = await requestJson(this.options, 'GET', '/api/v1/whoami', WhoAmI, { signal, timeoutMs: 15_000 });
    return { ok: true, account: body.account, server: body.server, tokenExpiresAt: body.tokenExpiresAt };
  }

  async status(remoteId: string, signal?: AbortSignal): Promise<RemoteStatusInfo> {
    const { body } = await requestJson(this.options, 'GET', `/api/v1/bulletins/${encodeURIComponent(remoteId)}`, RemoteRecord, { signal });
    return { remoteId: body.id, status: body.status, reason: body.reason, sha256: body.receivedSha256 };
  }

  async send(payload: DeliveryPayload, ctx: SendContext): Promise<SendResult> {
    const resume = ctx.resume as SourceResume;
    const { body: record } = await requestJson(this.options, 'POST', '/api/v1/bulletins', RemoteRecord, {
      body: payload.metadata,
      headers: { 'Idempotency-Key': payload.idempotencyKey },
      signal: ctx.signal,
    });
    // A different record than last time (a reset server) makes the stored upload URL meaningless.
    const uploadUrl = resume.remoteId === record.id ? resume.uploadUrl : undefined;
    ctx.saveResume({ remoteId: record.id, uploadUrl });

    if (record.status === 'awaiting_audio') {
      await this.upload(payload, record.id, uploadUrl, ctx);
    }
    const final = await this.status(record.id, ctx.signal);
    if (final.status === 'awaiting_audio' || final.sha256 !== payload.metadata.sha256) {
      // The receiver threw the file away (whole-file sha256 mismatch): start a fresh upload next time.
      ctx.saveResume({ remoteId: record.id });
      throw new StudioError('checksum_mismatch', 'the server holds a file whose sha256 differs', { reason: 'source_file_checksum_mismatch' });
    }
    return { remoteId: final.remoteId, status: final.status, reason: final.reason };
  }

  private async upload(payload: DeliveryPayload, remoteId: string, uploadUrl: string | undefined, ctx: SendContext): Promise<void> {
    // Loaded on first upload: it is the heaviest module on the studio's start-up path otherwise.
    const { Upload } = await import('tus-js-client');
    const { serverUrl, token, ca, chunkSize } = this.options;
    const stack = new ChecksumHttpStack(
      {
        ca,
        https: serverUrl.startsWith('https:'),
        idleTimeoutMs: this.options.idleTimeoutMs,
        deadlineMs: this.options.deadlineMs,
        // The stack adds the token itself, and only to this origin: a `Location` elsewhere is refused.
        authorization: { origin: new URL(serverUrl).origin, value: `Bearer ${token}` },
      },
      (bytes) => this.options.onWireBytes?.(bytes),
    );
    let firstProgress: { at: number; bytes: number } | null = null;
    let lastProgress: { at: number; bytes: number } | null = null;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        stack.close();
        ctx.signal.removeEventListener('abort', onAbort);
        if (error === undefined && firstProgress && lastProgress) {
          recordLineSpeed(serverUrl, lastProgress.bytes - firstProgress.bytes, (lastProgress.at - firstProgress.at) / 1000);
        }
        if (error === undefined) resolve();
        else reject(error);
      };
      const upload = new Upload({ path: payload.audioPath } as never, {
        endpoint: new URL('/files', serverUrl).toString(),
        uploadUrl: uploadUrl ?? null,
        uploadSize: payload.metadata.bytes,
        chunkSize: chunkSizeFor(serverUrl, chunkSize),
        metadata: { bulletin: remoteId, filename: payload.metadata.fileName, filetype: payload.metadata.mimeType },
        fileReader: chunkFileReader as never,
        httpStack: stack,
        // The outbox row holds the upload URL: no separate fingerprint store to drift from it.
        storeFingerprintForResuming: false,
        retryDelays: this.options.retryDelays ?? [0, 500, 2000],
        onShouldRetry: (error: DetailedError) => !studioErrorIn(error)?.code.match(NOT_RETRYABLE) && retryable(error.originalResponse?.getStatus() ?? 0),
        onUploadUrlAvailable: () => {
          if (upload.url) ctx.saveResume({ remoteId, uploadUrl: upload.url });
        },
        onProgress: (sentBytes, totalBytes) => {
          const now = { at: performance.now(), bytes: sentBytes };
          firstProgress ??= now;
          lastProgress = now;
          ctx.onProgress({ sentBytes, totalBytes });
        },
        onSuccess: () => finish(),
        onError: (error) => finish(toStudioError(error as DetailedError, serverUrl)),
      });
      const onAbort = () => {
        void upload.abort(false);
        finish(new StudioError('cancelled', 'upload stopped', { reason: 'source_upload_stopped' }));
      };
      if (ctx.signal.aborted) {
        onAbort();
        return;
      }
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      upload.start();
    });
  }
}

/** Refusals that another quick try cannot change (a deadline is already minutes long). */
const NOT_RETRYABLE = /^(redirect_refused|response_too_large|server_too_slow)$/;

/** The StudioError the HTTP stack raised, under tus-js-client's wrapper. */
function studioErrorIn(error: unknown): StudioError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    if (current instanceof StudioError) return current;
    current = (current as { causingError?: unknown }).causingError;
  }
  return null;
}

function toStudioError(error: DetailedError, serverUrl: string): StudioError {
  const raised = studioErrorIn(error);
  if (raised) return raised;
  const response = error.originalResponse;
  if (response && response.getStatus() > 0) return fromStatus(response.getStatus(), response.getBody() ?? '');
  return fromNetworkError(error, serverUrl);
}
