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
  'internal',
  // Delivery and voice packs (issue 8): what a hostile file, package or server gets.
  'ca_cert_invalid',
  'response_too_large',
  'bad_response',
  'server_too_slow',
  'token_wrong_server',
  'redirect_refused',
  'pack_too_large',
  'pack_symlink',
  // Updates (issue 16): what a damaged, tampered or older update folder gets.
  'update_missing_file',
  'update_invalid_manifest',
  'update_file_altered',
  'update_not_newer',
  'update_migration_failed',
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
    internal: 'Lỗi hệ thống, vui lòng thử lại',
    update_missing_file: 'Thư mục cập nhật thiếu tệp',
    update_invalid_manifest: 'Tệp latest.yml của bản cập nhật không hợp lệ',
    update_file_altered: 'Tệp cài đặt bị hỏng hoặc bị thay đổi',
    update_not_newer: 'Bản cập nhật không mới hơn phiên bản đang dùng',
    update_migration_failed: 'Nâng cấp cơ sở dữ liệu thất bại, thư viện đã được khôi phục từ bản sao lưu',
    ca_cert_invalid: 'Tệp chứng chỉ (CA) không dùng được: phải là một tệp PEM thường, nhỏ hơn 1 MiB',
    response_too_large: 'Máy chủ nguồn trả lời quá dài; đã ngắt để bảo vệ máy',
    bad_response: 'Máy chủ nguồn trả lời sai giao thức',
    server_too_slow: 'Máy chủ nguồn trả lời quá chậm; sẽ thử lại sau',
    token_wrong_server: 'Mã truy cập (token) chỉ dùng cho máy chủ đã cấu hình; địa chỉ khác cần token riêng',
    redirect_refused: 'Máy chủ nguồn chuyển hướng sang địa chỉ khác; không gửi token tới đó',
    pack_too_large: 'Gói giọng đọc quá lớn hoặc nén bất thường (có thể là tệp zip độc hại)',
    pack_symlink: 'Thư mục gói giọng đọc có liên kết (symlink); hãy chép tệp thật vào thư mục',
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
    internal: 'Internal error, please try again',
    update_missing_file: 'A file is missing from the update folder',
    update_invalid_manifest: 'The update\'s latest.yml is not valid',
    update_file_altered: 'The installer is damaged or has been altered',
    update_not_newer: 'The update is not newer than the running version',
    update_migration_failed: 'The database upgrade failed; the library was restored from the backup',
    ca_cert_invalid: 'The CA certificate file cannot be used: it must be a plain PEM file under 1 MiB',
    response_too_large: 'The source server\'s answer was too long; it was cut off to protect this computer',
    bad_response: 'The source server answered outside the protocol',
    server_too_slow: 'The source server answered too slowly; it will be tried again later',
    token_wrong_server: 'The access token is only for the configured server; another address needs its own token',
    redirect_refused: 'The source server redirected to another address; the token is not sent there',
    pack_too_large: 'The voice pack is too large or abnormally compressed (possibly a zip bomb)',
    pack_symlink: 'The voice pack folder contains a link (symlink); copy the real files into the folder',
  },
};

export function describeError(error: ErrorPayload, language: 'vi' | 'en' = 'vi'): string {
  const headline = ERROR_TEXT[language][error.code] ?? ERROR_TEXT[language].internal;
  return error.message ? `${headline}: ${error.message}` : headline;
}
