/** Delivery, outbox and package requests onto the delivery service's face. */
import type { DeliveryService } from '../services/delivery/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export const deliveryApi = ({ delivery }: { delivery: DeliveryService }): DomainHandlers<'delivery'> => ({
  'delivery.enqueue': ({ to, dest, loudness, ...what }) => delivery.enqueueItem(what, to, dest, loudness),
  'outbox.list': (filter) => delivery.outbox.list(filter),
  'outbox.get': ({ id }) => delivery.outbox.get(id),
  'outbox.retry': ({ id }) => delivery.retry(id),
  'outbox.cancel': ({ id }) => delivery.cancel(id),
  'outbox.refreshStatus': ({ id }) => delivery.refreshStatus(id),
  'delivery.testConnection': (overrides) => delivery.testConnection(overrides),
  'delivery.settings.get': () => delivery.settings.get(),
  'delivery.settings.update': (changes, ctx) => delivery.updateSettings(changes, ctx.actor),
});

export const packageApi = ({ delivery }: { delivery: DeliveryService }): DomainHandlers<'package'> => ({
  'package.inspect': ({ path }) => delivery.packages.inspect(path),
  'package.import': ({ path }, ctx) => delivery.packages.import(path, ctx.actor),
});
