import path from 'node:path';
import type { EventHub } from './event-hub.ts';
import { createDelivery } from './services/delivery/index.ts';
import { createLed } from './services/led/index.ts';
import { createReading } from './services/reading/index.ts';
import { createRecorder } from './services/recorder/index.ts';
import { fileSecretStore } from './services/secrets/index.ts';
import { createSerial } from './services/serial/index.ts';
import { createTranslationEngines } from './services/translation-engines/index.ts';
import { createTranslation } from './services/translation/index.ts';
import { createTts } from './services/tts/index.ts';
import { createUpdates } from './services/updates/index.ts';
import type { CoreFaces, StudioOptions } from './studio-core.ts';

/**
 * The services beyond the core (studio-core.ts): reading, speech, recording, delivery, LED,
 * serial, updates and translation, each from the faces it needs (a service created before its
 * dependencies does not compile). Their code is most of the studio's; the CLI and the browser
 * host load this module only when a request needs it (studio-lazy.ts). Starts nothing: the
 * caller starts delivery's runner (startOptional).
 */
export function createOptionalServices({ platform }: StudioOptions, core: CoreFaces, { emit }: EventHub) {
  const { db, dataDir, version, audit, jobs, library, audio, transport } = core;
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
  return { reading, tts, recorder, delivery, translation, engines, updates, serial, led };
}

export type OptionalFaces = ReturnType<typeof createOptionalServices>;
