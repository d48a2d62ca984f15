/**
 * Typed errors that cross every transport. A handler throws StudioError; dispatch turns it
 * into a plain `{ code, message, details }` object, so no stack ever reaches the screen.
 */
export const ERROR_CODES = [
  'invalid_argument',
  'unknown_request',
  'not_found',
  'conflict',
  'invalid_transition',
  'unsupported_format',
  'io_error',
  'cancelled',
  'unauthorized',
  'token_expired',
  'server_error',
  'unreachable',
  'tls_error',
  'checksum_mismatch',
  'package_rejected',
  'audio_out_of_range',
  'audio_corrupt',
  'worker_crashed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class StudioError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'StudioError';
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const isErrorPayload = (value: unknown): value is ErrorPayload =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ErrorPayload).code === 'string' &&
  typeof (value as ErrorPayload).message === 'string';

/** What the user reads, by error code, in each UI language. The technical message follows it. */
const ERROR_TEXT: Record<'vi' | 'en', Record<ErrorCode, string>> = {
  vi: {
    invalid_argument: 'Dữ liệu nhập không hợp lệ',
    unknown_request: 'Yêu cầu không được hỗ trợ',
    not_found: 'Không tìm thấy',
    conflict: 'Xung đột dữ liệu',
    invalid_transition: 'Không thể chuyển sang trạng thái này',
    unsupported_format: 'Định dạng tệp không được hỗ trợ',
    io_error: 'Lỗi đọc/ghi tệp',
    cancelled: 'Đã hủy',
    unauthorized: 'Không có quyền truy cập',
    token_expired: 'Mã truy cập (token) đã hết hạn',
    server_error: 'Máy chủ nhận tin gặp lỗi',
    unreachable: 'Không kết nối được máy chủ',
    tls_error: 'Chứng chỉ bảo mật (TLS) của máy chủ không hợp lệ',
    checksum_mismatch: 'Dữ liệu bị sai lệch khi truyền (mã kiểm tra không khớp)',
    package_rejected: 'Gói dữ liệu bị từ chối (thiếu tệp, tệp bị thay đổi hoặc manifest không hợp lệ)',
    audio_out_of_range: 'Tần số lấy mẫu hoặc số kênh nằm ngoài mức phần mềm hỗ trợ (8–192 kHz, 1–8 kênh)',
    audio_corrupt: 'Tệp âm thanh bị hỏng (bị cắt cụt, phần đầu tệp sai hoặc mẫu âm thanh không hợp lệ)',
    worker_crashed: 'Tác vụ nền dừng đột ngột; phần mềm vẫn chạy, hãy thử lại',
    internal: 'Lỗi hệ thống, vui lòng thử lại',
  },
  en: {
    invalid_argument: 'Invalid input',
    unknown_request: 'Request not supported',
    not_found: 'Not found',
    conflict: 'Data conflict',
    invalid_transition: 'This status change is not allowed',
    unsupported_format: 'File format not supported',
    io_error: 'File read/write error',
    cancelled: 'Cancelled',
    unauthorized: 'Access denied',
    token_expired: 'Access token expired',
    server_error: 'The receiving server failed',
    unreachable: 'Cannot reach the server',
    tls_error: 'The server\'s TLS certificate is not valid',
    checksum_mismatch: 'Data altered in transit (checksum mismatch)',
    package_rejected: 'Package refused (a file is missing or altered, or the manifest is invalid)',
    audio_out_of_range: 'Sample rate or channel count outside what the studio supports (8–192 kHz, 1–8 channels)',
    audio_corrupt: 'The audio file is damaged (truncated, a wrong header or invalid samples)',
    worker_crashed: 'A background task stopped unexpectedly; the studio is still running, please try again',
    internal: 'Internal error, please try again',
  },
};

export function describeError(error: ErrorPayload, language: 'vi' | 'en' = 'vi'): string {
  const headline = ERROR_TEXT[language][error.code] ?? ERROR_TEXT[language].internal;
  return error.message ? `${headline}: ${error.message}` : headline;
}
