import { createRequire } from 'node:module';
import os from 'node:os';
import type { AppInfo } from '../shared/api/settings.ts';
import { StudioError } from '../shared/errors.ts';
import { createDispatch, type Dispatch, type Handlers } from './api/index.ts';
import type { EventHub } from './event-hub.ts';
import type { Platform } from './platform.ts';
import { createAudio, peaksPath } from './services/audio/index.ts';
import { createAudit } from './services/audit/index.ts';
import { createFiles, type PlaceRoots } from './services/files/index.ts';
import { createJobs, sweepTemporaries } from './services/jobs/index.ts';
import { createLibrary } from './services/library/index.ts';
import { createSettings } from './services/settings/index.ts';
import { openDatabase } from './services/storage/index.ts';
import { openLibraryAfterUpdate } from './services/updates/index.ts';
import type { OptionalFaces } from './studio-optional.ts';

export const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export interface StudioOptions {
  dataDir: string;
  transport: AppInfo['transport'];
  platform?: Platform;
  /** Where the choosers look for USB sticks and the user's folders (tests: a made-up tree). */
  placeRoots?: PlaceRoots;
}

/**
 * The services every screen and most commands need at once (the library, its audio, settings,
 * jobs, files), built in dependency order with the database and the event hub they share. The
 * others (studio-optional.ts) are built from these; a host or the CLI may load them later, so
 * that the library answers without waiting for speech, delivery, serial, LED or translation code.
 */
export function createCoreServices({ dataDir, transport, platform, placeRoots }: StudioOptions, events: EventHub) {
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
  // Native dialogs where the host has them (Electron); browser mode uploads and lists folders instead.
  const files = createFiles({ dataDir, dialogs: platform?.dialogs, roots: placeRoots });
  return { dataDir, version, db, audit, settings, jobs, library, audio, files, transport };
}

export type CoreFaces = ReturnType<typeof createCoreServices>;

/** A studio's services with the optional ones where they are loaded. */
export type SomeFaces = CoreFaces & Partial<OptionalFaces>;

/** What opening a studio does besides building services: a crash's leftovers removed, every asset's hash checked. */
export function checkOnOpen(core: CoreFaces): void {
  const log = core.transport === 'test' ? () => {} : (line: string) => console.error(`[studio] ${line}`);
  // What a crash left behind (issue 8), and every asset's hash checked against its stored file.
  void sweepTemporaries(core.dataDir).then((swept) => swept.removed.length && log(`removed ${swept.removed.length} stale temporaries (${swept.bytes} bytes)`));
  core.library.checkHashes();
}

export interface StudioBase<S extends CoreFaces> {
  services: S;
  events: EventHub;
  dispatch: Dispatch;
  /** The actor recorded in the audit trail when a transport does not name one. */
  defaultActor(): string;
  close(): Promise<void>;
}

/** The dispatch and actor every studio shares, over its handler map. */
export function studioBase<S extends CoreFaces>(services: S, events: EventHub, handlers: Handlers, close: () => Promise<void>): StudioBase<S> {
  const dispatch = createDispatch(handlers, {
    onInternalError: (error, name) => console.error(`[studio] ${name} failed unexpectedly:`, error),
    language: () => services.settings.get().uiLanguage,
  });
  return {
    services,
    events,
    dispatch,
    // Until the editor has given a name in Settings, the computer's account name says who it was.
    defaultActor: () => services.settings.get().userName || os.userInfo().username || services.transport,
    close,
  };
}

export const appInfo = (core: CoreFaces): AppInfo => ({ version, dataDir: core.dataDir, transport: core.transport });

/** Closes what is open, the optional services first (they use jobs and the database), the database last. */
export async function closeServices(services: SomeFaces): Promise<void> {
  await services.delivery?.close();
  services.serial?.close();
  await services.jobs.close();
  services.recorder?.close();
  services.db.close();
}
