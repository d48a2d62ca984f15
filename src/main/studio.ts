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
import { createTranslation, type TranslationService } from './services/translation/index.ts';
import { createTranslationEngines, type TranslationEngines } from './services/translation-engines/index.ts';
import path from 'node:path';

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
  translation: TranslationService;
  engines: TranslationEngines;
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

/** The translation service and its engines, each reaching the other through its face. */
function openTranslation(db: Db, dataDir: string, jobs: JobManager, library: BulletinStore, launch: Platform['launchChild'] | undefined) {
  const engines = createTranslationEngines({
    jobs, db, modelDir: path.join(dataDir, 'mt-models'), packsDir: path.join(dataDir, 'mt-packs'), launch,
    memoryPairs: (from, to) => translation.tm.entries(from, to).map(({ source, target }) => ({ source, target })),
  });
  const translation = createTranslation({ db, engines: [engines.router(), engines.packRouter()], library, version });
  return { translation, engines };
}

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Opens the data directory and wires every service behind one dispatch, for any transport. */
export function openStudio(options: { dataDir: string; transport: AppInfo['transport']; platform?: Platform }): Studio {
  const db = openDatabase(options.dataDir);
  const events = new EventHub();
  const audit = new AuditTrail(db);
  const settings = new SettingsStore(db, audit);
  // Job processes start with the platform's launcher (a utility process in Electron, a Node fork elsewhere).
  const jobs = new JobManager(events.emit, options.platform?.launchChild);
  const bulletins = new BulletinStore(db, audit);
  const services: StudioServices = {
    dataDir: options.dataDir,
    transport: options.transport,
    version,
    db,
    audit,
    settings,
    bulletins,
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
    ...openTranslation(db, options.dataDir, jobs, bulletins, options.platform?.launchChild),
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
