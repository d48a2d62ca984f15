import type { Handlers } from '../../dispatch.ts';
import type { StudioServices } from '../../studio.ts';
import { prepareForSpeech } from './index.ts';

export const readingHandlers = (s: StudioServices) =>
  ({
    'reading.preview': ({ text, choices, zeroTens, thousand }) =>
      prepareForSpeech(text, {
        dictionary: s.pronunciations.entries(),
        ...(choices ? { choices } : {}),
        style: { ...(zeroTens ? { zeroTens } : {}), ...(thousand ? { thousand } : {}) },
      }),
    'dictionary.list': () => s.pronunciations.list(),
    'dictionary.upsert': (input, ctx) => {
      const entry = s.pronunciations.upsert(input, ctx.actor);
      s.events.emit('dictionary.changed', { id: entry.id });
      return entry;
    },
    'dictionary.delete': ({ id }, ctx) => {
      s.pronunciations.delete(id, ctx.actor);
      s.events.emit('dictionary.changed', { id });
      return { deleted: true as const };
    },
  }) satisfies Partial<Handlers>;
