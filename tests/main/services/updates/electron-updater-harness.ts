/**
 * Drives electron-updater's own NsisUpdater under plain Node (test-only). Two things of Electron
 * are stood in for, as electron-builder's own updater tests do:
 *  - `app`, through electron-updater's AppAdapter interface (version, cache and config paths);
 *  - the transport: ElectronHttpExecutor with `createRequest` on node:http instead of Electron's
 *    `net` — its download(), redirect handling and the sha512 DigestTransform are electron-updater's.
 * Everything else — GenericProvider, latest.yml parsing, version comparison, the download cache,
 * the differential (Range) download and the checksum verification — is the real package code.
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import type { NsisUpdater as NsisUpdaterType } from 'electron-updater/out/NsisUpdater.js';
import { stringifyAppUpdateConfig } from '../../../../src/main/services/updates/index.ts';

const require = createRequire(import.meta.url);
// Deep requires: electron-updater's main module builds `autoUpdater` on access, which needs Electron.
const { NsisUpdater } = require('electron-updater/out/NsisUpdater.js') as typeof import('electron-updater/out/NsisUpdater.js');
const { ElectronHttpExecutor } = require('electron-updater/out/electronHttpExecutor.js') as typeof import('electron-updater/out/electronHttpExecutor.js');

type Executor = InstanceType<typeof ElectronHttpExecutor>;

class NodeTransportExecutor extends ElectronHttpExecutor {
  override createRequest(options: http.RequestOptions & { redirect?: string }, callback: (response: http.IncomingMessage) => void): ReturnType<Executor['createRequest']> {
    const { redirect: _manual, ...rest } = options;
    // Node's ClientRequest has every method electron-updater calls on Electron's (on, end, abort, setHeader).
    return http.request(rest, callback) as unknown as ReturnType<Executor['createRequest']>;
  }
}

export interface UpdaterLog {
  info: string[];
  warn: string[];
  error: string[];
}

export interface HarnessOptions {
  /** The version the "installed" studio runs. */
  currentVersion: string;
  /** Scratch folder: app-update.yml, the updater cache, user data. */
  root: string;
  feedUrl: string;
  /** Written into app-update.yml as the packaged app must have it (default: ['Studio test']). */
  publisherName?: string[];
  /**
   * Stands for Windows' Authenticode check (PowerShell Get-AuthenticodeSignature, which exists
   * only on Windows): null = signed by one of the names, else the reason. Default: accept.
   */
  verifySignature?: (publisherNames: string[], file: string) => Promise<string | null>;
}

export interface Harness {
  updater: NsisUpdaterType;
  log: UpdaterLog;
  cacheDir: string;
  /** Each signature check electron-updater asked for: the publisher names and the file. */
  signatureChecks: { publisherNames: string[]; file: string }[];
}

export function createNsisUpdater(options: HarnessOptions): Harness {
  fs.mkdirSync(options.root, { recursive: true });
  const configPath = path.join(options.root, 'app-update.yml');
  const config = stringifyAppUpdateConfig({ url: options.feedUrl, publisherName: options.publisherName ?? ['Studio test'], updaterCacheDirName: 'studio-updater' });
  const signatureChecks: Harness['signatureChecks'] = [];
  fs.writeFileSync(configPath, config);
  const app: AppAdapter = {
    version: options.currentVersion,
    name: 'Studio',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: path.join(options.root, 'user-data'),
    baseCachePath: path.join(options.root, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = new NsisUpdater(null, app);
  // Set before the provider is created (it takes the executor at creation).
  (updater as unknown as { httpExecutor: Executor }).httpExecutor = new NodeTransportExecutor();
  const log: UpdaterLog = { info: [], warn: [], error: [] };
  updater.logger = { info: (m: unknown) => log.info.push(String(m)), warn: (m: unknown) => log.warn.push(String(m)), error: (m: unknown) => log.error.push(String(m)) };
  // The studio's updater runs on Windows: its provider asks for latest.yml (on Linux it would ask
  // for latest-linux.yml). Only the platform is changed; `_testOnlyOptions` is left alone because
  // it would also turn off the production fallback from a failed differential to a full download.
  const runtimeOptions = (updater as unknown as { createProviderRuntimeOptions(): object }).createProviderRuntimeOptions.bind(updater);
  (updater as unknown as { createProviderRuntimeOptions(): object }).createProviderRuntimeOptions = () => ({ ...runtimeOptions(), platform: 'win32' });
  // What the Electron glue does for a folder source: the generic provider on the local server.
  updater.setFeedURL({ provider: 'generic', url: options.feedUrl });
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.disableWebInstaller = true;
  // Errors are also emitted as events; without a listener Node would throw them a second time.
  updater.on('error', () => undefined);
  updater.verifyUpdateCodeSignature = async (publisherNames: string[], file: string) => {
    signatureChecks.push({ publisherNames, file });
    return options.verifySignature ? options.verifySignature(publisherNames, file) : null;
  };
  return { updater, log, cacheDir: path.join(options.root, 'cache', 'studio-updater'), signatureChecks };
}
