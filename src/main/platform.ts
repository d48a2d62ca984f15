import os from 'node:os';
import path from 'node:path';
import { fileSecretStore } from './services/secrets/index.ts';
import { forkChild, type ChildLauncher } from './services/jobs/index.ts';
import type { NativeDialogs } from './services/files/index.ts';

/** Credentials (the delivery token). Electron: safeStorage; plain Node: a 0600 file in the data dir. */
export interface SecretStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

/**
 * What only the host can provide. The Electron shell implements it with app paths and
 * safeStorage; the bridge, the CLI and tests with plain Node.
 */
export interface Platform {
  /** Where the studio keeps its data when STUDIO_DATA_DIR is not set. */
  defaultDataDir(): string;
  /** Optional so a host may omit it: openStudio then keeps secrets in a 0600 file in the data dir. */
  secrets?: SecretStore;
  /**
   * How child processes (the ONNX speech engine) are started: a Node fork, or in Electron a
   * utility process (the binary cannot run as Node: the RunAsNode fuse is off).
   */
  launchChild: ChildLauncher;
  /** The operating system's open-file and folder dialogs (Electron); browser mode uploads instead. */
  dialogs?: NativeDialogs;
}

/** The platform's usual place for application data, as Electron's userData would be. */
export function nodeDefaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Studio');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Studio');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'studio');
}

/** Plain-Node platform whose secrets live in `dataDir` (the resolved data dir when omitted). */
export function createNodePlatform(dataDir?: string): Platform {
  const platform: Platform = {
    defaultDataDir: () => nodeDefaultDataDir(),
    launchChild: forkChild,
    secrets: {
      get: (key) => store().get(key),
      set: (key, value) => store().set(key, value),
      delete: (key) => store().delete(key),
    },
  };
  const store = () => fileSecretStore(dataDir ?? resolveDataDir(platform));
  return platform;
}

export const nodePlatform: Platform = createNodePlatform();

export function resolveDataDir(platform: Platform, env: NodeJS.ProcessEnv = process.env): string {
  return env.STUDIO_DATA_DIR ? path.resolve(env.STUDIO_DATA_DIR) : platform.defaultDataDir();
}
