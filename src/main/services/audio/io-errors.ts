import { StudioError } from '../../../shared/errors.ts';

/** Turns a Node file-system error into a StudioError the user can act on (disk full, no access). */
export function fileError(error: unknown, what: string): StudioError {
  if (error instanceof StudioError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StudioError('io_error', `${what}: the disk is full`, { reason: 'disk_full', file: what });
  if (code === 'ENOENT') return new StudioError('not_found', `${what}: file not found`, { reason: 'file_missing', file: what });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new StudioError('io_error', `${what}: permission denied`, { reason: 'no_permission', file: what });
  }
  return new StudioError('io_error', `${what}: ${error instanceof Error ? error.message : String(error)}`);
}
