import fs from 'node:fs';
import path from 'node:path';
import type { UpdateSettings } from '../../../shared/api/updates-types.ts';

/** The service's own settings file in the data folder (written to a temporary name, then renamed). */
export const UPDATE_SETTINGS_FILE = 'update-settings.json';

const DEFAULTS: UpdateSettings = { source: null, publisherName: null };

export function readUpdateSettings(dataDir: string): UpdateSettings {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, UPDATE_SETTINGS_FILE), 'utf8')) as Partial<UpdateSettings>;
    const source = raw.source;
    const validSource =
      source && ((source.kind === 'server' && typeof source.url === 'string') || (source.kind === 'folder' && typeof source.path === 'string')) ? source : null;
    return { source: validSource, publisherName: typeof raw.publisherName === 'string' ? raw.publisherName : null };
  } catch {
    // Absent (never set) or damaged: the defaults, and the next save replaces it.
    return { ...DEFAULTS };
  }
}

export function writeUpdateSettings(dataDir: string, settings: UpdateSettings): UpdateSettings {
  const file = path.join(dataDir, UPDATE_SETTINGS_FILE);
  fs.writeFileSync(`${file}.part`, JSON.stringify(settings, null, 2));
  fs.renameSync(`${file}.part`, file);
  return settings;
}
