/**
 * Turns what goes wrong on the wire into the errors a commune editor can act on: a code and a
 * reason (put into words by the screen and the CLI from src/shared/locales/errors). Every one of
 * these leaves the item queued: the outbox retries with backoff.
 */
import { StudioError } from '../../../../shared/errors.ts';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

export const unauthorized = () =>
  new StudioError('unauthorized', 'the source server refused the token', { reason: 'source_token_rejected' });
export const tokenExpired = () =>
  new StudioError('token_expired', 'the source server says the token has expired', { reason: 'source_token_expired' });

export function fromStatus(status: number, body: string): StudioError {
  if (status === 401 || status === 403) return /token_expired/.test(body) ? tokenExpired() : unauthorized();
  if (status === 460) {
    return new StudioError('checksum_mismatch', 'HTTP 460: a chunk arrived corrupted', { reason: 'source_chunk_corrupted', status });
  }
  if (status >= 500) {
    return new StudioError('server_error', `HTTP ${status} from the source server`, { reason: 'source_server_failing', status });
  }
  const excerpt = body.slice(0, 200);
  return new StudioError('server_error', `unexpected HTTP ${status}: ${excerpt}`, { reason: 'source_unexpected_status', status, body: excerpt });
}

/** Finds the Node error code, looking through tus-js-client's and undici's wrappers. */
function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { causingError?: unknown; cause?: unknown }).causingError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function fromNetworkError(error: unknown, serverUrl: string): StudioError {
  if (error instanceof StudioError) return error;
  const code = codeOf(error);
  if (code && (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('CERT_'))) {
    return new StudioError('tls_error', `${serverUrl}: ${code}`, { reason: 'source_tls_untrusted', code, server: serverUrl });
  }
  const message = String((error as Error)?.message ?? error);
  if (!code && !/socket hang up|network|timeout/i.test(message)) {
    const excerpt = message.slice(0, 300);
    return new StudioError('internal', `sending failed: ${excerpt}`, { reason: 'source_send_failed', error: excerpt });
  }
  if (!code || NETWORK_CODES.has(code) || /socket hang up|network|timeout/i.test(message)) {
    return new StudioError('unreachable', `${serverUrl}: ${code ?? message.slice(0, 300)}`, {
      reason: code ? 'source_unreachable_code' : 'source_unreachable',
      code,
      server: serverUrl,
    });
  }
  return new StudioError('unreachable', `${serverUrl}: ${code}`, { reason: 'source_connection_error', code, server: serverUrl });
}
