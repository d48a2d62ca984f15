import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';

export const recorderHandlers = (s: StudioServices) =>
  ({
    'recorder.start': (options, ctx) => s.recorder.start(options, ctx.client),
    'recorder.append': ({ sessionId, seq, pcm }) => s.recorder.append(sessionId, seq, pcm),
    'recorder.stop': async ({ sessionId, name }, ctx) => {
      const asset = await s.recorder.stop(sessionId, name, ctx.actor);
      s.events.emit('library.changed', { entity: 'asset', id: asset.id });
      return asset;
    },
    'recorder.recoverable': () => s.recorder.recoverable(),
    'recorder.recover': async ({ sessionId, name }, ctx) => {
      const asset = await s.recorder.recover(sessionId, name, ctx.actor);
      s.events.emit('library.changed', { entity: 'asset', id: asset.id });
      return asset;
    },
    'recorder.discard': ({ sessionId }) => {
      s.recorder.discard(sessionId);
      return { discarded: true as const };
    },
  }) satisfies Partial<Handlers>;
