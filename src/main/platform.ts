import os from 'node:os';
import path from 'node:path';

/**
 * What only the host can provide. The Electron shell implements it with app paths and
 * safeStorage; the bridge, the CLI and tests with plain Node.
 */
export interface Platform {
  /** Where the studio keeps its data when STUDIO_DATA_DIR is not set. */
  defaultDataDir(): string;
}

/** The platform's usual place for application data, as Electron's userData would be. */
export function nodeDefaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Studio');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Studio');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'studio');
}

export const nodePlatform: Platform = { defaultDataDir: () => nodeDefaultDataDir() };

export function resolveDataDir(platform: Platform, env: NodeJS.ProcessEnv = process.env): string {
  return env.STUDIO_DATA_DIR ? path.resolve(env.STUDIO_DATA_DIR) : platform.defaultDataDir();
}
