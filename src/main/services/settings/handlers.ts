import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';

export const settingsHandlers = ({ settings, events, dataDir, transport, version }: StudioServices) =>
  ({
    'app.info': () => ({ version, dataDir, transport }),
    'settings.get': () => settings.get(),
    'settings.update': (changes, ctx) => {
      const updated = settings.update(changes, ctx.actor);
      events.emit('library.changed', { entity: 'settings', id: null });
      return updated;
    },
  }) satisfies Partial<Handlers>;
