/**
 * The one handler map behind every transport (the Electron window, the WebSocket bridge, the
 * CLI): each domain's requests mapped onto its service's face. The compiler checks that every
 * request has its handler and that each file maps exactly its domain's contract.
 */
import type { AppInfo } from '../../shared/api/settings.ts';
import type { ServiceFaces } from '../studio.ts';
import { audioApi } from './audio.ts';
import { auditApi } from './audit.ts';
import { deliveryApi, packageApi } from './delivery.ts';
import type { Handlers } from './dispatch.ts';
import { jobsApi } from './jobs.ts';
import { translationApi } from './translation.ts';
import { updatesApi } from './updates.ts';
import { serialApi } from './serial.ts';
import { ledApi } from './led.ts';
import { filesApi } from './files.ts';
import { libraryApi } from './library.ts';
import { readingApi } from './reading.ts';
import { recorderApi } from './recorder.ts';
import { settingsApi } from './settings.ts';
import { ttsApi } from './tts.ts';

export { createDispatch, type CallContext, type Dispatch, type Handler, type Handlers } from './dispatch.ts';

export function createHandlers(services: ServiceFaces, app: AppInfo): Handlers {
  return {
    ...settingsApi({ ...services, app }),
    ...jobsApi(services),
    ...auditApi(services),
    ...libraryApi(services),
    ...audioApi(services),
    ...deliveryApi(services),
    ...packageApi(services),
    ...recorderApi(services),
    ...ttsApi(services),
    ...readingApi(services),
    ...translationApi(services),
    ...updatesApi(services),
    ...serialApi(services),
    ...ledApi(services),
    ...filesApi(services),
  };
}
