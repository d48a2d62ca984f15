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
  'not_a_file',
  'too_large',
  'busy',
  'permission_denied',
  'disk_full',
  'read_only',
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
  // LED boards (issue 14): what a board or its controller does.
  'led_board_no_answer',
  'led_board_refused',
  'led_board_unreachable',
  'led_controller_unsupported',
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
    not_a_file: 'Đường dẫn không phải là một tệp thông thường (thư mục, thiết bị hoặc không tồn tại)',
    too_large: 'Dữ liệu hoặc tệp quá lớn',
    busy: 'Đang có quá nhiều việc cùng lúc, vui lòng đợi một việc xong rồi thử lại',
    permission_denied: 'Không có quyền đọc/ghi tệp hoặc thư mục này',
    disk_full: 'Ổ đĩa đã đầy, hãy giải phóng dung lượng rồi thử lại',
    read_only: 'Thư mục dữ liệu chỉ đọc, không ghi được',
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
    led_board_no_answer: 'Bảng LED không trả lời sau nhiều lần thử (kiểm tra nguồn, cáp, địa chỉ và tốc độ baud của bộ điều khiển)',
    led_board_refused: 'Bộ điều khiển bảng LED từ chối dữ liệu sau nhiều lần thử',
    led_board_unreachable: 'Không kết nối được bảng LED (sai địa chỉ IP, cổng TCP hoặc cổng COM, hoặc đường truyền bị ngắt)',
    led_controller_unsupported: 'Bộ điều khiển của bảng này không nhận ảnh chữ từ phần mềm; hãy xuất ảnh (PNG/GIF) hoặc dùng bộ BX-5K2/BX-5MK một hoặc hai màu',
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
    not_a_file: 'Not a regular file (a folder, a device, or missing)',
    too_large: 'Input or file too large',
    busy: 'Too much work at once: wait for one task to finish, then try again',
    permission_denied: 'Permission denied for this file or folder',
    disk_full: 'The disk is full: free some space and try again',
    read_only: 'The data folder is read-only and cannot be written',
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
    led_board_no_answer: 'The LED board did not answer after several tries (check its power, cable, address and baud rate)',
    led_board_refused: 'The LED board controller refused the data after several tries',
    led_board_unreachable: 'Cannot connect to the LED board (wrong IP address, TCP port or serial port, or the link dropped)',
    led_controller_unsupported: 'This board\'s controller cannot take text images from the studio; export PNG/GIF instead, or use a single- or dual-colour BX-5K2/BX-5MK',
  },
};

export function describeError(error: ErrorPayload, language: 'vi' | 'en' = 'vi'): string {
  const headline = ERROR_TEXT[language][error.code] ?? ERROR_TEXT[language].internal;
  return error.message ? `${headline}: ${error.message}` : headline;
}

/** Node's errno codes and SQLite's result codes, by the typed code the user can act on. */
const SYSTEM_ERROR_CODES: Record<string, ErrorCode> = {
  ENOENT: 'not_found',
  ENOTDIR: 'not_found',
  EISDIR: 'not_a_file',
  EACCES: 'permission_denied',
  EPERM: 'permission_denied',
  EBUSY: 'busy',
  EMFILE: 'busy',
  ENFILE: 'busy',
  EAGAIN: 'busy',
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  EROFS: 'read_only',
  EFBIG: 'too_large',
  E2BIG: 'too_large',
  ENAMETOOLONG: 'invalid_argument',
  EINVAL: 'invalid_argument',
  EEXIST: 'conflict',
  ENOTEMPTY: 'conflict',
  EIO: 'io_error',
  EXDEV: 'io_error',
  SQLITE_FULL: 'disk_full',
  SQLITE_READONLY: 'read_only',
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_CONSTRAINT: 'conflict',
  SQLITE_TOOBIG: 'too_large',
  SQLITE_CANTOPEN: 'io_error',
  SQLITE_IOERR: 'io_error',
  SQLITE_CORRUPT: 'io_error',
  SQLITE_NOTADB: 'io_error',
  SQLITE_PERM: 'permission_denied',
};

/**
 * Turns a failure of the file system or the database (an Error carrying Node's `code` such as
 * ENOSPC, or better-sqlite3's such as SQLITE_FULL / SQLITE_READONLY_DBMOVED) into a typed error,
 * so "the disk is full" reaches the user as `disk_full`, not `internal`. The one place where that
 * mapping lives; dispatch applies it to whatever a handler throws. Null when the error is none of
 * those (a real bug: it stays `internal`).
 */
export function systemErrorToStudioError(error: unknown): StudioError | null {
  if (error instanceof StudioError) return error;
  if (typeof error !== 'object' || error === null) return null;
  const raw = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(raw);
  if (typeof raw === 'string') {
    // SQLite's extended codes (SQLITE_READONLY_DBMOVED, SQLITE_CONSTRAINT_UNIQUE) map by their family.
    const code = SYSTEM_ERROR_CODES[raw] ?? SYSTEM_ERROR_CODES[raw.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1')];
    if (code) return new StudioError(code, message, { cause: raw });
  }
  if (error instanceof RangeError && /call stack|string length|allocation failed|Array buffer/i.test(message)) {
    return new StudioError('too_large', message);
  }
  return null;
}
