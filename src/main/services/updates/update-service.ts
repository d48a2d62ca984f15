import path from 'node:path';
import type { JobInfo, JobKind } from '../../../shared/api/jobs.ts';
import type {
  DownloadProgress,
  UpdateCheck,
  UpdateSettings,
  UpdateSource,
  UpdateStatus,
} from '../../../shared/api/updates-types.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { TaskSpec } from '../jobs/index.ts';
import type { AppUpdateConfig } from './app-update-config.ts';
import { serveUpdateFolder } from './folder-server.ts';
import { prepareUpdateFolder } from './prepare-folder.ts';
import { MANIFEST_FILE, parseLatestYml, type UpdateManifest } from './latest-yml.ts';
import { recordPendingUpdate } from './restore-library.ts';
import { updateError } from './update-error.ts';
import { readUpdateSettings, writeUpdateSettings } from './update-settings.ts';
import { createUpdateStateStore } from './update-state.ts';
import { verifyUpdateFolder } from './verify-folder.ts';
import { assertInstallable, type VersionRelation } from './version.ts';

/**
 * What only Electron can do, handed in by the glue in src/main/app (electron-updater's
 * autoUpdater). Absent in browser mode and the CLI: those check, they do not install.
 */
export interface UpdateInstaller {
  /**
   * Points electron-updater's generic provider at `feedUrl`, lets it find `version` there and
   * download it (its own sha512 and Authenticode checks against `publisherNames`). Rejects when
   * `signal` aborts.
   */
  download(request: { feedUrl: string; version: string; allowDowngrade: boolean; publisherNames: string[] }, onProgress: (progress: DownloadProgress) => void, signal: AbortSignal): Promise<void>;
  /** quitAndInstall now, or let the downloaded installer run when the studio quits. */
  install(when: 'now' | 'quit'): void;
}

export interface UpdateJobs {
  startTask<K extends JobKind>(spec: TaskSpec<K>): JobInfo<K>;
}

export interface UpdateServiceDeps {
  currentVersion: string;
  dataDir: string;
  /** The job runner and the library backup: without them (the CLI's checks) nothing downloads or installs. */
  jobs?: UpdateJobs;
  /** The library backup job on main: backs the library up into a new folder under `destDir` and resolves with that folder. */
  backupLibrary?: (destDir: string) => Promise<string>;
  emit?: (name: 'updates.changed', payload: UpdateStatus) => void;
  /** Reads a server's latest.yml (default: fetch, with a time limit). */
  fetchText?: (url: string, signal?: AbortSignal) => Promise<string>;
}

interface Found {
  source: UpdateSource;
  manifest: UpdateManifest;
  allowDowngrade: boolean;
}

/** Where pre-update library backups go (inside the data folder: the restore after a failed migration finds them there). */
export const UPDATE_BACKUP_DIR = 'update-backups';

export function createUpdateService(deps: UpdateServiceDeps) {
  const { currentVersion, dataDir } = deps;
  const state = createUpdateStateStore();
  let installer: UpdateInstaller | null = null;
  /** The packaged app-update.yml (its server is the default source, its publisher the default name); null outside the packaged app. */
  let packaged: AppUpdateConfig | null = null;
  let found: Found | null = null;
  const emit = deps.emit ?? (() => undefined);
  /** electron-updater attached, and the jobs and the backup to run it with. */
  const installing = () => (installer && deps.jobs && deps.backupLibrary ? { installer, jobs: deps.jobs, backupLibrary: deps.backupLibrary } : null);
  const status = (): UpdateStatus => ({ currentVersion, state: state.get(), canInstall: installing() !== null });
  state.subscribe(() => emit('updates.changed', status()));

  const settings = () => readUpdateSettings(dataDir);
  const defaultSource = (): UpdateSource | null => {
    const url = packaged?.url;
    return url ? { kind: 'server', url } : null;
  };
  const publisherNames = (): string[] => {
    // electron-updater checks the signature only when the packaged app-update.yml names a
    // publisher (whatever names it is then given): never download without one there.
    if (!packaged || packaged.publisherName.length === 0) throw updateError('update_invalid_manifest', 'publisher_missing', { file: 'app-update.yml' });
    const chosen = settings().publisherName;
    return chosen ? [chosen] : packaged.publisherName;
  };

  /** Runs `work`, and on a refusal moves the state to `error` (the screen shows why) before rethrowing. */
  const failing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const payload = error instanceof StudioError ? error.toPayload() : { code: 'internal' as const, message: (error as Error).message };
      if (state.get().status !== 'idle' && state.get().status !== 'up-to-date') state.send({ type: 'failed', error: payload });
      throw error;
    }
  };

  async function readManifest(source: UpdateSource, allowDowngrade: boolean): Promise<{ manifest: UpdateManifest; relation: VersionRelation }> {
    if (source.kind === 'folder') return verifyUpdateFolder(source.path, { currentVersion, allowDowngrade });
    const url = new URL(MANIFEST_FILE, source.url.endsWith('/') ? source.url : `${source.url}/`).href;
    let text: string;
    try {
      text = await (deps.fetchText ?? fetchText)(url);
    } catch (error) {
      throw updateError('unreachable', 'server_unreachable', { url, cause: (error as Error).message });
    }
    const manifest = parseLatestYml(text);
    return { manifest, relation: assertInstallable(currentVersion, manifest.version, { allowDowngrade }) };
  }

  return {
    settings,
    updateSettings(changes: { source?: UpdateSource | null; publisherName?: string | null }): UpdateSettings {
      const current = settings();
      return writeUpdateSettings(dataDir, {
        source: changes.source === undefined ? current.source : changes.source,
        publisherName: changes.publisherName === undefined ? current.publisherName : changes.publisherName,
      });
    },
    status,
    /** The Electron glue attaches electron-updater here once the app is ready. */
    useInstaller(next: UpdateInstaller | null, packagedConfig: AppUpdateConfig | null = null) {
      installer = next;
      packaged = packagedConfig;
      emit('updates.changed', status());
    },

    /** Reads the source's latest.yml (a folder is verified in full: sha512, size, block map) and compares versions. */
    check(arg: { from?: UpdateSource; allowDowngrade: boolean }): Promise<UpdateCheck> {
      const source = arg.from ?? settings().source ?? defaultSource();
      if (!source) throw updateError('invalid_argument', 'no_source');
      state.send({ type: 'check', source });
      return failing(async () => {
        let manifest: UpdateManifest;
        let relation: VersionRelation;
        try {
          // A folder's version is judged before its installer is hashed (a downgrade is refused at once).
          ({ manifest, relation } = await readManifest(source, arg.allowDowngrade));
        } catch (error) {
          const details = error instanceof StudioError ? (error.details as { reason?: string; candidate?: string }) : null;
          if (details?.reason === 'same_version') {
            found = null;
            state.send({ type: 'none', version: details.candidate ?? currentVersion });
            return { currentVersion, source, available: null };
          }
          throw error;
        }
        found = { source, manifest, allowDowngrade: arg.allowDowngrade };
        state.send({ type: 'found', version: manifest.version, notes: manifest.releaseNotes });
        const exe = manifest.files.find((f) => /\.exe$/i.test(f.url)) ?? manifest.files[0]!;
        return {
          currentVersion,
          source,
          available: {
            version: manifest.version,
            notes: manifest.releaseNotes,
            releaseDate: manifest.releaseDate,
            relation,
            installer: { file: exe.url, size: exe.size ?? null, sha512: exe.sha512 },
          },
        };
      });
    },

    /** Downloads what the last check found through electron-updater, as a job (progress: percent and speed; cancel). */
    download(): JobInfo<'updates.download'> {
      const current = state.get();
      const can = installing();
      if (!can) throw updateError('invalid_transition', 'installer_unavailable');
      if (current.status !== 'available' || !found) throw updateError('invalid_transition', 'transition', { from: current.status, event: 'download' });
      const { source, manifest, allowDowngrade } = found;
      const use = can.installer;
      const names = publisherNames();
      return can.jobs.startTask({
        kind: 'updates.download',
        subject: manifest.version,
        run: async (report, signal) => {
          state.send({ type: 'download' });
          try {
            await failingUnlessCancelled(signal, async () => {
              // The stick may have changed since the check: verify again, then lend it to electron-updater.
              const served = source.kind === 'folder' ? await serveUpdateFolder(await verifiedFolder(source.path, allowDowngrade, signal)) : null;
              try {
                const feedUrl = served ? served.url : source.kind === 'server' ? source.url : '';
                await use.download({ feedUrl, version: manifest.version, allowDowngrade, publisherNames: names }, (progress) => {
                  state.send({ type: 'progress', progress });
                  report(progress.percent / 100, `${Math.round(progress.percent)}% ${Math.round(progress.bytesPerSecond / 1024)} KiB/s`);
                }, signal);
              } finally {
                await served?.close();
              }
            });
          } catch (error) {
            if (signal.aborted && state.get().status === 'downloading') state.send({ type: 'cancel' });
            throw error;
          }
          state.send({ type: 'downloaded' });
          return { version: manifest.version };
        },
      });
    },

    /** `studio update prepare-folder`: a release copied to a stick and verified there, as a job. */
    prepareFolderJob(arg: { installer: string; out: string }): JobInfo<'updates.folder.prepare'> {
      if (!deps.jobs) throw updateError('invalid_transition', 'installer_unavailable');
      return deps.jobs.startTask({
        kind: 'updates.folder.prepare',
        subject: path.basename(arg.installer),
        run: async (report, signal) => {
          report(null, 'copy');
          const prepared = await prepareUpdateFolder({ installer: arg.installer, out: arg.out, signal });
          return { folder: prepared.folder, version: prepared.manifest.version, files: prepared.servedFiles.filter((f) => f !== MANIFEST_FILE).concat(MANIFEST_FILE) };
        },
      });
    },

    /** Backs the library up first (its path is in the state and the result), then installs now or on quit, as a job. */
    install(arg: { when: 'now' | 'quit' }): JobInfo<'updates.install'> {
      const current = state.get();
      const can = installing();
      if (!can) throw updateError('invalid_transition', 'installer_unavailable');
      if (current.status !== 'ready') throw updateError('invalid_transition', 'transition', { from: current.status, event: 'install' });
      const { installer: use, backupLibrary } = can;
      return can.jobs.startTask({
        kind: 'updates.install',
        subject: current.version,
        run: (report) =>
          failing(async () => {
            report(null, 'backup');
            const backupPath = await backupLibrary(path.join(dataDir, UPDATE_BACKUP_DIR));
            state.send({ type: 'backed-up', backupPath });
            // Read on the next start: a failed migration there restores this very backup.
            recordPendingUpdate(dataDir, { fromVersion: currentVersion, toVersion: current.version, backupPath });
            state.send({ type: 'install' });
            use.install(arg.when);
            return { version: current.version, backupPath, when: arg.when };
          }),
      });
    },
  };

  async function verifiedFolder(folder: string, allowDowngrade: boolean, signal: AbortSignal) {
    const update = await verifyUpdateFolder(folder, { currentVersion, allowDowngrade, signal });
    if (update.manifest.version !== found?.manifest.version) {
      throw updateError('update_file_altered', 'changed_since_check', { folder, checked: found?.manifest.version, now: update.manifest.version });
    }
    return { folder: update.folder, files: update.servedFiles };
  }

  /** A cancelled download goes back to `available`; any other failure shows its reason. */
  async function failingUnlessCancelled(signal: AbortSignal, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (signal.aborted) throw updateError('cancelled', 'cancelled');
      const payload = error instanceof StudioError ? error.toPayload() : { code: 'internal' as const, message: (error as Error).message };
      state.send({ type: 'failed', error: payload });
      throw error;
    }
  }
}

/** How long a server may take to answer for latest.yml (a few KB). */
const MANIFEST_TIMEOUT_MS = 30_000;
/** latest.yml is a few hundred bytes; anything far larger is not one. */
const MANIFEST_MAX_BYTES = 1024 * 1024;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(MANIFEST_TIMEOUT_MS), redirect: 'error', headers: { 'Cache-Control': 'no-cache' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  if (body.byteLength > MANIFEST_MAX_BYTES) throw new Error(`latest.yml of ${body.byteLength} bytes`);
  return new TextDecoder().decode(body);
}

export type UpdateService = ReturnType<typeof createUpdateService>;
