import yaml from 'js-yaml';
import { updateError } from './update-error.ts';

/**
 * `resources/app-update.yml`, which the NSIS maker writes into the package and electron-updater
 * reads at run time. electron-updater checks the installer's Authenticode signature only when
 * `publisherName` is in it (NsisUpdater.verifySignature returns "no check" otherwise), so an
 * update is refused outright when the packaged config lacks it.
 */
export interface AppUpdateConfig {
  provider: string;
  url: string | null;
  publisherName: string[];
  updaterCacheDirName: string | null;
}

export function parseAppUpdateConfig(text: string): AppUpdateConfig {
  let raw: Record<string, unknown>;
  try {
    raw = (yaml.load(text) ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw updateError('update_invalid_manifest', 'manifest_unreadable', { file: 'app-update.yml', cause: (error as Error).message });
  }
  const names = ([] as unknown[]).concat(raw.publisherName ?? []).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  if (names.length === 0) throw updateError('update_invalid_manifest', 'publisher_missing', { file: 'app-update.yml' });
  return {
    provider: String(raw.provider ?? ''),
    url: typeof raw.url === 'string' ? raw.url : null,
    publisherName: names,
    updaterCacheDirName: typeof raw.updaterCacheDirName === 'string' ? raw.updaterCacheDirName : null,
  };
}

/** The config for a generic feed, as the maker should write it (used for the release check and tests). */
export function stringifyAppUpdateConfig(config: { url: string; publisherName: string[]; updaterCacheDirName: string }): string {
  return yaml.dump({ provider: 'generic', url: config.url, publisherName: config.publisherName, updaterCacheDirName: config.updaterCacheDirName });
}
