import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';

export const deliveryHandlers = (s: StudioServices) =>
  ({
    'delivery.enqueue': ({ bulletinId, to, dest }) => s.delivery.enqueue(bulletinId, to, dest),
    'outbox.list': (filter) => s.delivery.outbox.list(filter),
    'outbox.get': ({ id }) => s.delivery.outbox.get(id),
    'outbox.retry': ({ id }) => s.delivery.retry(id),
    'outbox.cancel': ({ id }) => s.delivery.cancel(id),
    'outbox.refreshStatus': ({ id }) => s.delivery.refreshStatus(id),
    'delivery.testConnection': (overrides) => s.delivery.testConnection(overrides),
    'delivery.settings.get': () => s.delivery.settings.get(),
    'delivery.settings.update': (changes, ctx) => s.delivery.updateSettings(changes, ctx.actor),
  }) satisfies Partial<Handlers>;
