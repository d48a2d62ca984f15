import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';

export const ttsHandlers = (s: StudioServices) =>
  ({
    'voice.list': () => s.tts.voices(),
    'voice.install': ({ path }, ctx) => s.tts.install(path, ctx.actor),
    'voice.remove': ({ id }, ctx) => {
      s.tts.remove(id, ctx.actor);
      return { removed: true as const };
    },
    'tts.preview': ({ voiceId, text, settings, choices }) => s.tts.preview(voiceId, text, settings, choices),
    'tts.synthesize': (arg, ctx) => s.tts.synthesize(arg, ctx.actor),
  }) satisfies Partial<Handlers>;
