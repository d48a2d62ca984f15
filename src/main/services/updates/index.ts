/**
 * The updates service: the plain-Node core of updating the studio (issue 16). Everything except
 * the calls into electron-updater and Electron's `app`/`autoUpdater` lives here, so it runs and is
 * tested under Node; the Electron glue in src/main/app will be a thin adapter over it.
 *
 *   const updates = createUpdates({ currentVersion: '0.2.0', dataDir, jobs, emit, backupLibrary });
 *   await updates.check({ from: { kind: 'folder', path: 'E:\\cap-nhat' }, allowDowngrade: false });
 *   updates.useInstaller(electronUpdaterInstaller);   // the glue in src/main/app, Electron only
 *   updates.download();                               // a job: verify, serve on 127.0.0.1, electron-updater downloads
 *   updates.install({ when: 'quit' });                // a job: library backup first, then install
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
import { UPDATE_REFUSALS, updateError, type UpdateRefusal } from './update-error.ts';
import { createUpdateStateStore, nextUpdateState, type DownloadProgress, type UpdateEvent, type UpdateSource, type UpdateState, type UpdateStateStore } from './update-state.ts';
import { createUpdateService, type UpdateServiceDeps } from './update-service.ts';
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
  openLibraryAfterUpdate,
  parseAppUpdateConfig,
  parseLatestYml,
  PENDING_UPDATE_FILE,
  recordPendingUpdate,
  relateVersions,
  sha512OfFile,
  stringifyAppUpdateConfig,
  stringifyLatestYml,
  UPDATE_REFUSALS,
  updateError,
  verifyUpdateFolder,
};

export type { UpdateInstaller, UpdateJobs } from './update-service.ts';
export { UPDATE_BACKUP_DIR } from './update-service.ts';

export type UpdatesDeps = UpdateServiceDeps;

/**
 * The updates service's one face: the settings, the check, the download and install jobs and
 * the state the screen follows (update-service.ts), with the folder tools the CLI and the
 * start-up use.
 */
export function createUpdates(deps: UpdatesDeps) {
  const { currentVersion, dataDir } = deps;
  return {
    ...createUpdateService(deps),
    currentVersion,
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
