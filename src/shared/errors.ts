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
  'serial_listing_failed',
  'serial_port_unavailable',
  'serial_disconnected',
  'device_timeout',
  'device_refused',
  'device_cancelled',
  'device_unidentified',
  'firmware_rejected',
  'verify_failed',
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
    serial_listing_failed: 'Không liệt kê được cổng COM; vẫn có thể gõ tên cổng',
    serial_port_unavailable: 'Không mở được cổng COM (sai tên, đang bị chương trình khác dùng, hoặc thiếu quyền)',
    serial_disconnected: 'Cáp nối thiết bị đã bị rút hoặc cổng COM bị mất giữa chừng',
    device_timeout: 'Thiết bị không trả lời',
    device_refused: 'Thiết bị từ chối lệnh',
    device_cancelled: 'Thiết bị đã hủy quá trình truyền',
    device_unidentified: 'Không nhận diện được thiết bị',
    firmware_rejected: 'Tệp firmware không hợp lệ cho thiết bị này; chưa xóa gì trên thiết bị',
    verify_failed: 'Kiểm tra lại sau khi nạp không khớp',
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
    serial_listing_failed: 'Cannot list serial ports; you can still type a port name',
    serial_port_unavailable: 'Cannot open the serial port (wrong name, in use by another program, or no permission)',
    serial_disconnected: 'The device cable was unplugged or the serial port vanished',
    device_timeout: 'The device did not answer',
    device_refused: 'The device refused the command',
    device_cancelled: 'The device cancelled the transfer',
    device_unidentified: 'The device could not be identified',
    firmware_rejected: 'The firmware image is not valid for this device; nothing was erased',
    verify_failed: 'Read-back after flashing does not match',
    internal: 'Internal error, please try again',
  },
};

export function describeError(error: ErrorPayload, language: 'vi' | 'en' = 'vi'): string {
  const headline = ERROR_TEXT[language][error.code] ?? ERROR_TEXT[language].internal;
  return error.message ? `${headline}: ${error.message}` : headline;
}
