import { createRequire } from 'node:module';
import os from 'node:os';
import type { AppInfo } from '../shared/api/index.ts';
import { createDispatch, type Dispatch } from './dispatch.ts';
import { EventHub } from './event-hub.ts';
import { createHandlers } from './handlers.ts';
import { JobManager } from './services/jobs/job-manager.ts';
import { sweepTemporaries } from './services/jobs/sweep-temporaries.ts';
import { checkAssetHashes } from './services/library/asset-hashes.ts';
import { peaksPath } from './services/audio/peaks.ts';
import { AreaStore } from './services/library/areas.ts';
import { AssetStore } from './services/library/assets.ts';
import { AuditTrail } from './services/library/audit.ts';
import { BulletinStore } from './services/library/bulletins.ts';
import { ProgrammeStore } from './services/library/programmes.ts';
import { RecorderService } from './services/recorder/recorder.ts';
import { SettingsStore } from './services/settings/settings.ts';
import { DeliveryService } from './services/delivery/delivery-service.ts';
import { fileSecretStore } from './services/secrets/file-secrets.ts';
import type { Platform } from './platform.ts';
import { TtsService } from './services/tts/tts-service.ts';
import { PronunciationStore } from './services/speech-text/dictionary-store.ts';
import { openDatabase, type Db } from './services/storage/database.ts';
import { createUpdates, openLibraryAfterUpdate, type Updates } from './services/updates/index.ts';
import { startLibraryBackup } from './services/library/handlers.ts';
import { ERROR_CODES, StudioError, type ErrorCode } from '../shared/errors.ts';

export interface StudioServices {
  dataDir: string;
  transport: AppInfo['transport'];
  version: string;
  db: Db;
  audit: AuditTrail;
  settings: SettingsStore;
  bulletins: BulletinStore;
  programmes: ProgrammeStore;
  areas: AreaStore;
  assets: AssetStore;
  jobs: JobManager;
  delivery: DeliveryService;
  recorder: RecorderService;
  tts: TtsService;
  pronunciations: PronunciationStore;
  updates: Updates;
  events: EventHub;
}

export interface Studio {
  services: StudioServices;
  events: EventHub;
  dispatch: Dispatch;
  /** The actor recorded in the audit trail when a transport does not name one. */
  defaultActor(): string;
  close(): Promise<void>;
}

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Opens the data directory and wires every service behind one dispatch, for any transport. */
export function openStudio(options: { dataDir: string; transport: AppInfo['transport']; platform?: Platform }): Studio {
  // After an update, a failed migration restores the pre-update library backup; this version then
  // cannot open it, so it refuses to start and says so (the user reinstalls the previous version).
  const started = openLibraryAfterUpdate(options.dataDir, version, openDatabase);
  if (started.status === 'restored') throw new StudioError(started.error.code, started.error.message, started.error.details);
  const db = started.library;
  const events = new EventHub();
  const audit = new AuditTrail(db);
  const settings = new SettingsStore(db, audit);
  // Job processes start with the platform's launcher (a utility process in Electron, a Node fork elsewhere).
  const jobs = new JobManager(events.emit, options.platform?.launchChild);
  const services: StudioServices = {
    dataDir: options.dataDir,
    transport: options.transport,
    version,
    db,
    audit,
    settings,
    bulletins: new BulletinStore(db, audit),
    programmes: new ProgrammeStore(db, audit, () => settings.get().sessionCapMinutes),
    areas: new AreaStore(db, audit),
    assets: new AssetStore(db, audit),
    jobs,
    delivery: new DeliveryService({
      db,
      dataDir: options.dataDir,
      version,
      secrets: options.platform?.secrets ?? fileSecretStore(options.dataDir),
      audit,
      library: () => services,
      emit: events.emit,
      // stderr: stdout carries the CLI's --json output.
      log: options.transport === 'test' ? undefined : (line) => console.error(`[delivery] ${line}`),
    }),
    recorder: new RecorderService(db, options.dataDir, new AssetStore(db, audit)),
    pronunciations: new PronunciationStore(db, audit),
    tts: new TtsService({ dataDir: options.dataDir, db, audit, services: () => services }),
    updates: createUpdates({
      currentVersion: version,
      dataDir: options.dataDir,
      jobs,
      emit: events.emit,
      backupLibrary: (destDir) => backupLibrary(services, destDir),
    }),
    events,
  };
  services.delivery.start();
  const log = options.transport === 'test' ? () => {} : (line: string) => console.error(`[studio] ${line}`);
  // What a crash left behind (issue 8), and every asset's hash checked against its stored file.
  void sweepTemporaries(options.dataDir).then((swept) => swept.removed.length && log(`removed ${swept.removed.length} stale temporaries (${swept.bytes} bytes)`));
  checkAssetHashes({
    db,
    dataDir: options.dataDir,
    jobs: services.jobs,
    audit,
    peaksPath: (sha256) => peaksPath(options.dataDir, sha256),
    changed: (id) => events.emit('library.changed', { entity: 'asset', id }),
  });
  const dispatch = createDispatch(createHandlers(services), {
    onInternalError: (error, name) => console.error(`[studio] ${name} failed unexpectedly:`, error),
    language: () => settings.get().uiLanguage,
  });
  return {
    services,
    events,
    dispatch,
    // Until the editor has given a name in Settings, the computer's account name says who it was.
    defaultActor: () => settings.get().userName || os.userInfo().username || options.transport,
    async close() {
      await services.delivery.close(true);
      await services.jobs.close();
      services.recorder.close();
      db.close();
    },
  };
}

/** The library backup job, awaited: resolves with the backup's folder (the updates service takes one before installing). */
function backupLibrary(services: StudioServices, destDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const job = startLibraryBackup(services, destDir, (result) => {
      resolve(result.folder);
      return result;
    });
    void services.jobs.wait(job.id).then((info) => {
      if (info.state === 'done') return;
      const code = (ERROR_CODES as readonly string[]).includes(info.error?.code ?? '') ? (info.error!.code as ErrorCode) : 'internal';
      reject(new StudioError(code, `library backup ${info.state}: ${info.error?.message ?? ''}`));
    });
  });
}
