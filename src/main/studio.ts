import { createHandlers } from './api/index.ts';
import { EventHub } from './event-hub.ts';
import { appInfo, checkOnOpen, closeServices, createCoreServices, studioBase, type StudioBase, type StudioOptions } from './studio-core.ts';
import { createOptionalServices } from './studio-optional.ts';

export type { StudioOptions } from './studio-core.ts';

/** Every service, built at once in dependency order (the core, then the optional ones). */
function createServices(options: StudioOptions, events: EventHub) {
  const core = createCoreServices(options, events);
  return { ...core, ...createOptionalServices(options, core, events) };
}

/** Each service's face, by name: what the request map (src/main/api) is built from. Services never see it. */
export type ServiceFaces = ReturnType<typeof createServices>;

export type Studio = StudioBase<ServiceFaces>;

/**
 * Opens the data directory and wires every service behind one dispatch, for any transport, all
 * of them built before it returns (the Electron window, tests). The CLI and the browser host
 * load the optional services on demand instead (studio-lazy.ts).
 */
export function openStudio(options: StudioOptions): Studio {
  const events = new EventHub();
  const services = createServices(options, events);
  services.delivery.start();
  checkOnOpen(services);
  return studioBase(services, events, createHandlers(services, appInfo(services)), () => closeServices(services));
}
