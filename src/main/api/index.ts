/**
 * The one handler map behind every transport (the Electron window, the WebSocket bridge, the
 * CLI): each domain's requests mapped onto its service's face. The compiler checks that every
 * request has its handler and that each file maps exactly its domain's contract.
 */
import { requestNames, type RequestName } from '../../shared/api/index.ts';
import type { AppInfo } from '../../shared/api/settings.ts';
import type { CoreFaces } from '../studio-core.ts';
import type { ServiceFaces } from '../studio.ts';
import { audioApi } from './audio.ts';
import { auditApi } from './audit.ts';
import { deliveryApi, packageApi } from './delivery.ts';
import type { CallContext, DomainHandlers, Handlers } from './dispatch.ts';
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

/** The requests of the domains whose services are built at every start (studio-core.ts). */
export type CoreHandlers = DomainHandlers<'settings'> & DomainHandlers<'jobs'> & DomainHandlers<'audit'> & DomainHandlers<'library'> & DomainHandlers<'audio'> & DomainHandlers<'files'>;

export function createCoreHandlers(services: CoreFaces, app: AppInfo): CoreHandlers {
  return {
    ...settingsApi({ ...services, app }),
    ...jobsApi(services),
    ...auditApi(services),
    ...libraryApi(services),
    ...audioApi(services),
    ...filesApi(services),
  };
}

export function createHandlers(services: ServiceFaces, app: AppInfo): Handlers {
  return {
    ...createCoreHandlers(services, app),
    ...deliveryApi(services),
    ...packageApi(services),
    ...recorderApi(services),
    ...ttsApi(services),
    ...readingApi(services),
    ...translationApi(services),
    ...updatesApi(services),
    ...serialApi(services),
    ...ledApi(services),
  };
}

/**
 * The whole map from the core's handlers: every other request first waits for the full map
 * (`all`, which loads the optional services once) and then runs its handler there.
 */
export function withOptionalHandlers(core: CoreHandlers, all: () => Promise<Handlers>): Handlers {
  // Typed loosely inside: each name's handler is looked up by that same name in the full map.
  type AnyHandler = (arg: unknown, ctx: CallContext) => unknown;
  const handlers: Partial<Record<RequestName, AnyHandler>> = { ...(core as Record<keyof CoreHandlers, AnyHandler>) };
  for (const name of requestNames) handlers[name] ??= async (arg, ctx) => ((await all())[name] as AnyHandler)(arg, ctx);
  return handlers as unknown as Handlers;
}
