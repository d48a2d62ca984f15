import { createCoreHandlers, createHandlers, withOptionalHandlers } from './api/index.ts';
import { EventHub } from './event-hub.ts';
import { appInfo, checkOnOpen, closeServices, createCoreServices, studioBase, type CoreFaces, type SomeFaces, type StudioBase, type StudioOptions } from './studio-core.ts';
import type { ServiceFaces } from './studio.ts';

export interface LazyStudio extends StudioBase<CoreFaces> {
  /** Every service, the optional ones loaded and started on the first call (delivery's runner included). */
  all(): Promise<ServiceFaces>;
}

/**
 * Opens the studio with its core services only (studio-core.ts); the rest — speech, delivery,
 * serial, LED, translation, updates, whose code is most of the studio's — is loaded when the
 * first request for one of them arrives, or when the host asks for it (`all()`). So `studio
 * search` does not load speech or serial code, and the browser host answers the library screen
 * while the rest loads. Requests behave as with openStudio; only their first call may wait.
 */
export function openStudioLazily(options: StudioOptions): LazyStudio {
  const events = new EventHub();
  const core = createCoreServices(options, events);
  let loaded: SomeFaces = core;
  let loading: Promise<{ services: ServiceFaces; handlers: ReturnType<typeof createHandlers> }> | null = null;
  let closing = false;
  const load = () =>
    (loading ??= import('./studio-optional.ts').then(({ createOptionalServices }) => {
      if (closing) throw new Error('the studio is closing');
      const services = { ...core, ...createOptionalServices(options, core, events) };
      loaded = services;
      services.delivery.start();
      return { services, handlers: createHandlers(services, appInfo(core)) };
    }));
  checkOnOpen(core);
  const handlers = withOptionalHandlers(createCoreHandlers(core, appInfo(core)), async () => (await load()).handlers);
  const base = studioBase(core, events, handlers, async () => {
    closing = true;
    await loading?.catch(() => undefined);
    await closeServices(loaded);
  });
  return { ...base, all: async () => (await load()).services };
}
