import semver from 'semver';
import { updateError } from './update-error.ts';

export type VersionRelation = 'newer' | 'same' | 'older';

/**
 * How `candidate` stands to `current` under semver 2.0 precedence: pre-releases sort before their
 * release (1.2.0-beta.2 < 1.2.0), build metadata is ignored (1.2.0+win.5 = 1.2.0), as
 * electron-updater itself compares.
 */
export function relateVersions(current: string, candidate: string): VersionRelation {
  const a = semver.parse(current);
  const b = semver.parse(candidate);
  if (!a) throw updateError('invalid_argument', 'version_invalid', { version: current });
  if (!b) throw updateError('update_invalid_manifest', 'version_invalid', { version: candidate });
  const order = semver.compare(b, a);
  return order > 0 ? 'newer' : order < 0 ? 'older' : 'same';
}

/**
 * Refuses anything but a newer version; a technician may force an older (or the same) one, for
 * rolling back a bad release, never by default.
 */
export function assertInstallable(current: string, candidate: string, options: { allowDowngrade?: boolean } = {}): VersionRelation {
  const relation = relateVersions(current, candidate);
  if (relation !== 'newer' && !options.allowDowngrade) {
    throw updateError('update_not_newer', relation === 'same' ? 'same_version' : 'downgrade', { current, candidate });
  }
  return relation;
}
