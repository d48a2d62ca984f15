import { translationApi } from './api/translation.ts';
import type { Handlers } from './dispatch.ts';
import { audioHandlers } from './services/audio/handlers.ts';
import { deliveryHandlers } from './services/delivery/handlers.ts';
import { jobHandlers } from './services/jobs/handlers.ts';
import { libraryHandlers } from './services/library/handlers.ts';
import { packageHandlers } from './services/delivery/package/handlers.ts';
import { recorderHandlers } from './services/recorder/handlers.ts';
import { readingHandlers } from './services/speech-text/handlers.ts';
import { settingsHandlers } from './services/settings/handlers.ts';
import { ttsHandlers } from './services/tts/handlers.ts';
import type { StudioServices } from './studio.ts';

/** The one handler map behind every transport; the compiler checks each request has its handler. */
export function createHandlers(services: StudioServices): Handlers {
  return {
    ...settingsHandlers(services),
    ...jobHandlers(services),
    ...libraryHandlers(services),
    ...audioHandlers(services),
    ...deliveryHandlers(services),
    ...packageHandlers(services),
    ...recorderHandlers(services),
    ...ttsHandlers(services),
    ...readingHandlers(services),
    ...translationApi(services),
  };
}
