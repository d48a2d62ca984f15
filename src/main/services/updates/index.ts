/**
 * The updates service: the plain-Node core of updating the studio (issue 16). Everything except
 * the calls into electron-updater and Electron's `app`/`autoUpdater` lives here, so it runs and is
 * tested under Node; the Electron glue in src/main/app will be a thin adapter over it.
 *
 *   const updates = createUpdates({ currentVersion: '0.2.0', dataDir });
 *   const update = await updates.verifyFolder('E:\\cap-nhat');           // refuses with coded errors
 *   const server = await updates.serveFolder(update);                   // 127.0.0.1, random prefix
 *   autoUpdater.setFeedURL({ provider: 'generic', url: server.url });   // (glue, in src/main/app)
 *
 * Refusals are StudioErrors with an `update_*` code (src/shared/errors.ts) and the message
 * `updates.<reason>`; their words are in src/renderer/features/updates/locales.
 */
import { type AppUpdateConfig, parseAppUpdateConfig, stringifyAppUpdateConfig } from './app-update-config.ts';
import { serveUpdateFolder, type FolderServer } from './folder-server.ts';
import { sha512OfFile } from './file-digest.ts';
import { MANIFEST_FILE, parseLatestYml, stringifyLatestYml, type UpdateFile, type UpdateManifest } from './latest-yml.ts';
import { prepareUpdateFolder } from './prepare-folder.ts';
import {
  openLibraryAfterUpdate,
  PENDING_UPDATE_FILE,
  readPendingUpdate,
  recordPendingUpdate,
  restoreLibraryBackup,
  type PendingUpdate,
  type RestoreResult,
  type StartAfterUpdate,
} from './restore-library.ts';
import { UPDATE_REFUSALS, type UpdateRefusal } from './update-error.ts';
import { createUpdateStateStore, nextUpdateState, type DownloadProgress, type UpdateEvent, type UpdateSource, type UpdateState, type UpdateStateStore } from './update-state.ts';
import { verifyUpdateFolder, type VerifiedUpdate } from './verify-folder.ts';
import { assertInstallable, relateVersions, type VersionRelation } from './version.ts';

export type {
  AppUpdateConfig,
  DownloadProgress,
  FolderServer,
  PendingUpdate,
  RestoreResult,
  StartAfterUpdate,
  UpdateEvent,
  UpdateFile,
  UpdateManifest,
  UpdateRefusal,
  UpdateSource,
  UpdateState,
  UpdateStateStore,
  VerifiedUpdate,
  VersionRelation,
};
export {
  assertInstallable,
  createUpdateStateStore,
  MANIFEST_FILE,
  nextUpdateState,
  parseAppUpdateConfig,
  parseLatestYml,
  PENDING_UPDATE_FILE,
  relateVersions,
  sha512OfFile,
  stringifyAppUpdateConfig,
  stringifyLatestYml,
  UPDATE_REFUSALS,
  verifyUpdateFolder,
};

export interface UpdatesDeps {
  /** The running studio's version (package.json; app.getVersion() in Electron). */
  currentVersion: string;
  /** The studio's data folder: the pending-update record and the library live there. */
  dataDir: string;
}

export function createUpdates(deps: UpdatesDeps) {
  const { currentVersion, dataDir } = deps;
  return {
    currentVersion,
    state: createUpdateStateStore(),
    /** Checks a USB/LAN folder; `allowDowngrade` is the technician's explicit flag. */
    verifyFolder: (folder: string, options: { allowDowngrade?: boolean; signal?: AbortSignal } = {}) =>
      verifyUpdateFolder(folder, { currentVersion, ...options }),
    /** `studio update prepare-folder --installer FILE --out DIR` */
    prepareFolder: prepareUpdateFolder,
    /** Serves a verified folder to electron-updater's generic provider; close it when done. */
    serveFolder: (update: VerifiedUpdate): Promise<FolderServer> => serveUpdateFolder({ folder: update.folder, files: update.servedFiles }),
    /** What the server's latest.yml says, checked against the running version. */
    assessManifest: (text: string, options: { allowDowngrade?: boolean } = {}) => {
      const manifest = parseLatestYml(text);
      return { manifest, relation: assertInstallable(currentVersion, manifest.version, options) };
    },
    /** Before installing: remember which backup to restore should the new version's migrations fail. */
    recordPendingUpdate: (toVersion: string, backupPath: string) => recordPendingUpdate(dataDir, { fromVersion: currentVersion, toVersion, backupPath }),
    pendingUpdate: () => readPendingUpdate(dataDir),
    /** On start-up: open the library, restoring the pre-update backup if this version's migrations fail. */
    openLibrary: <T>(open: (dataDir: string) => T): StartAfterUpdate<T> => openLibraryAfterUpdate(dataDir, currentVersion, open),
    restoreBackup: (backupPath: string) => restoreLibraryBackup(dataDir, backupPath),
  };
}

export type Updates = ReturnType<typeof createUpdates>;
