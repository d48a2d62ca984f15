/**
 * Turns what goes wrong on the wire into the errors a commune editor can act on (Vietnamese
 * first). Every one of these leaves the item queued: the outbox retries with backoff.
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
  new StudioError('unauthorized', 'Máy chủ nguồn từ chối mã truy cập (token sai). Kiểm tra lại token trong Cài đặt › Gửi tin.');
export const tokenExpired = () =>
  new StudioError('token_expired', 'Mã truy cập (token) đã hết hạn. Xin cấp token mới từ tỉnh rồi nhập lại trong Cài đặt › Gửi tin.');

export function fromStatus(status: number, body: string): StudioError {
  if (status === 401 || status === 403) return /token_expired/.test(body) ? tokenExpired() : unauthorized();
  if (status === 460) {
    return new StudioError('checksum_mismatch', 'Dữ liệu bị sai lệch trên đường truyền; phần bị lỗi sẽ được gửi lại.');
  }
  if (status >= 500) {
    return new StudioError('server_error', `Máy chủ nguồn đang gặp lỗi (HTTP ${status}). Bản tin vẫn trong hộp thư đi và sẽ được gửi lại tự động.`, {
      status,
    });
  }
  return new StudioError('server_error', `Máy chủ nguồn trả lời không mong đợi (HTTP ${status}): ${body.slice(0, 200)}`, { status });
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
    return new StudioError(
      'tls_error',
      `Chứng chỉ bảo mật của máy chủ ${serverUrl} không hợp lệ hoặc không được tin cậy (${code}). Không gửi qua kết nối không an toàn; hãy kiểm tra địa chỉ máy chủ hoặc chứng chỉ được cấp.`,
      { code },
    );
  }
  const message = String((error as Error)?.message ?? error);
  if (!code && !/socket hang up|network|timeout/i.test(message)) {
    return new StudioError('internal', `Lỗi khi gửi: ${message.slice(0, 300)}`);
  }
  if (!code || NETWORK_CODES.has(code) || /socket hang up|network|timeout/i.test(message)) {
    return new StudioError(
      'unreachable',
      `Không kết nối được máy chủ ${serverUrl}${code ? ` (${code})` : ''}. Bản tin vẫn trong hộp thư đi và sẽ tự gửi khi có mạng.`,
      { code },
    );
  }
  return new StudioError('unreachable', `Lỗi kết nối tới ${serverUrl} (${code})`, { code });
}
