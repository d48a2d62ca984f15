/** Reading previews and the pronunciation dictionary onto the reading service's face. */
import type { Reading } from '../services/reading/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export const readingApi = ({ reading }: { reading: Reading }): DomainHandlers<'reading'> => ({
  'reading.preview': ({ text, choices, zeroTens, thousand }) =>
    reading.preview(text, { ...(choices ? { choices } : {}), style: { ...(zeroTens ? { zeroTens } : {}), ...(thousand ? { thousand } : {}) } }),
  'reading.dictionary.list': () => reading.dictionary.list(),
  'reading.dictionary.upsert': (input, ctx) => reading.dictionary.upsert(input, ctx.actor),
  'reading.dictionary.delete': ({ id }, ctx) => {
    reading.dictionary.delete(id, ctx.actor);
    return { deleted: true as const };
  },
});
