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

export { describeError, technicalDetail } from './error-words.ts';

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
