import type { Migration } from './index.ts';

/**
 * Search index over folded text (see library/fold.ts). FTS5's own remove_diacritics does not
 * fold "đ" to "d", so the service feeds it already-folded text. Contentless: the originals live in `bulletins`.
 */
export const librarySearch: Migration = {
  version: 2,
  name: 'library-search',
  sql: /* sql */ `
    CREATE VIRTUAL TABLE bulletin_search USING fts5(
      title, script,
      tokenize = "unicode61 remove_diacritics 0",
      content = '',
      contentless_delete = 1
    );
  `,
};
