import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { AppInfo } from '../shared/api/settings.ts';
import { StudioError } from '../shared/errors.ts';
import { createDispatch, createHandlers, type Dispatch } from './api/index.ts';
import { EventHub } from './event-hub.ts';
import type { Platform } from './platform.ts';
import { createAudio, peaksPath } from './services/audio/index.ts';
import { createAudit } from './services/audit/index.ts';
import { createDelivery } from './services/delivery/index.ts';
import { createJobs, sweepTemporaries } from './services/jobs/index.ts';
import { createLibrary } from './services/library/index.ts';
import { createReading } from './services/reading/index.ts';
import { createRecorder } from './services/recorder/index.ts';
import { fileSecretStore } from './services/secrets/index.ts';
import { createSettings } from './services/settings/index.ts';
import { openDatabase } from './services/storage/index.ts';
import { createTts } from './services/tts/index.ts';
import { createTranslation } from './services/translation/index.ts';
import { createTranslationEngines } from './services/translation-engines/index.ts';
import { createUpdates, openLibraryAfterUpdate } from './services/updates/index.ts';
import { createSerial } from './services/serial/index.ts';
import { createLed } from './services/led/index.ts';
import { createFiles, type PlaceRoots } from './services/files/index.ts';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export interface StudioOptions {
  dataDir: string;
  transport: AppInfo['transport'];
  platform?: Platform;
  /** Where the choosers look for USB sticks and the user's folders (tests: a made-up tree). */
  placeRoots?: PlaceRoots;
}

/**
 * Builds every service in dependency order, each from the faces it needs (a service created
 * before its dependencies does not compile), plus the database and the event hub they share.
 */
function createServices({ dataDir, transport, platform, placeRoots }: StudioOptions, events: EventHub) {
  const { emit } = events;
  // After an update, a failed migration restores the pre-update library backup; this version then
  // cannot open it, so it refuses to start and says so (the user reinstalls the previous version).
  const started = openLibraryAfterUpdate(dataDir, version, openDatabase);
  if (started.status === 'restored') throw new StudioError(started.error.code, started.error.message, started.error.details);
  const db = started.library;
  const audit = createAudit({ db });
  const settings = createSettings({ db, audit, emit });
  // Job processes start with the platform's launcher (a utility process in Electron, a Node fork elsewhere).
  const jobs = createJobs({ emit, launch: platform?.launchChild });
  const library = createLibrary({
    db,
    dataDir,
    audit,
    jobs,
    emit,
    sessionCapMinutes: () => settings.get().sessionCapMinutes,
    peaksPath: (sha256) => peaksPath(dataDir, sha256),
  });
  const audio = createAudio({ db, dataDir, library, jobs });
  const reading = createReading({ db, audit, emit });
  const tts = createTts({ dataDir, db, audit, jobs, library, reading });
  const recorder = createRecorder({ db, dataDir, library });
  const delivery = createDelivery({
    db,
    dataDir,
    version,
    secrets: platform?.secrets ?? fileSecretStore(dataDir),
    audit,
    library,
    audio,
    jobs,
    emit,
    // stderr: stdout carries the CLI's --json output.
    log: transport === 'test' ? undefined : (line) => console.error(`[delivery] ${line}`),
  });
  const led = createLed({ db, audit, jobs, bulletins: library.bulletins, dataDir, delivery });
  // A programme's audio is its current render, which the audio service keeps.
  const serial = createSerial({ db, dataDir, jobs, emit, programmes: { get: (id) => audio.withRender(library.programmes.get(id)) } });
  const updates = createUpdates({ currentVersion: version, dataDir, jobs, emit, backupLibrary: async (destDir) => (await jobs.result(library.backup(destDir))).folder });
  const engines = createTranslationEngines({ jobs, db, modelDir: path.join(dataDir, 'mt-models'), packsDir: path.join(dataDir, 'mt-packs'), launch: platform?.launchChild, memoryPairs: (from, to) => translation.tm.entries(from, to).map(({ source, target }) => ({ source, target })) });
  const translation = createTranslation({
    db,
    engines: [engines.router(), engines.packRouter()],
    library: library.bulletins,
    version,
    // An approval grows the memory; the learned engine retrains when enough of it is new.
    onApproved: (from, to) => void engines.retrainIfDue(from, to),
    assets: library.assets,
    voicing: {
      jobs,
      dataDir,
      voices: () => tts.voices(),
      synthesize: (arg, actor) => tts.synthesize(arg, actor),
      importAudio: (file, name, actor) => audio.import(file, name, actor),
    },
  });
  // Native dialogs where the host has them (Electron); browser mode uploads and lists folders instead.
  const files = createFiles({ dataDir, dialogs: platform?.dialogs, roots: placeRoots });
  return { dataDir, version, db, audit, settings, jobs, library, audio, reading, tts, recorder, delivery, translation, engines, updates, serial, led, files };
}

/** Each service's face, by name: what the request map (src/main/api) is built from. Services never see it. */
export type ServiceFaces = ReturnType<typeof createServices>;

export interface Studio {
  services: ServiceFaces;
  events: EventHub;
  dispatch: Dispatch;
  /** The actor recorded in the audit trail when a transport does not name one. */
  defaultActor(): string;
  close(): Promise<void>;
}

/** Opens the data directory and wires every service behind one dispatch, for any transport. */
export function openStudio(options: StudioOptions): Studio {
  const events = new EventHub();
  const services = createServices(options, events);
  const { dataDir, transport } = options;
  services.delivery.start();
  const log = transport === 'test' ? () => {} : (line: string) => console.error(`[studio] ${line}`);
  // What a crash left behind (issue 8), and every asset's hash checked against its stored file.
  void sweepTemporaries(dataDir).then((swept) => swept.removed.length && log(`removed ${swept.removed.length} stale temporaries (${swept.bytes} bytes)`));
  services.library.checkHashes();
  const dispatch = createDispatch(createHandlers(services, { version, dataDir, transport }), {
    onInternalError: (error, name) => console.error(`[studio] ${name} failed unexpectedly:`, error),
    language: () => services.settings.get().uiLanguage,
  });
  return {
    services,
    events,
    dispatch,
    // Until the editor has given a name in Settings, the computer's account name says who it was.
    defaultActor: () => services.settings.get().userName || os.userInfo().username || transport,
    async close() {
      await services.delivery.close();
      services.serial.close();
      await services.jobs.close();
      services.recorder.close();
      services.db.close();
    },
  };
}
