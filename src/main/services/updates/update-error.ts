import { StudioError, type ErrorCode } from '../../../shared/errors.ts';

/**
 * Every refusal in this service is a code plus a reason key (`updates.<reason>`) and parameters;
 * the screen and the CLI word it from src/renderer/features/updates/locales/{vi,en}.json.
 */
export const UPDATE_REFUSALS = [
  'manifest_missing',
  'file_missing',
  'blockmap_missing',
  'manifest_unreadable',
  'manifest_shape',
  'version_invalid',
  'url_outside_folder',
  'no_installer',
  'size_mismatch',
  'sha512_mismatch',
  'blockmap_invalid',
  'same_version',
  'downgrade',
  'not_an_installer',
  'output_inside_source',
  'backup_invalid',
  'migration_failed',
  'cancelled',
  'publisher_missing',
  'transition',
  'no_source',
  'server_unreachable',
  'installer_unavailable',
  'changed_since_check',
  'signature_invalid',
  'download_failed',
] as const;

export type UpdateRefusal = (typeof UPDATE_REFUSALS)[number];

export function updateError(code: ErrorCode, reason: UpdateRefusal, details: Record<string, unknown> = {}): StudioError {
  return new StudioError(code, `updates.${reason}`, { reason, ...details });
}
