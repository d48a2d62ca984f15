import type { Migration } from './index.ts';

/** Languages bulletins are translated into, as editable data (seeded by the translation service). */
export const translationLanguagesSchema: Migration = {
  version: 100,
  name: 'translation-languages',
  sql: /* sql */ `
    CREATE TABLE translation_languages (
      code TEXT PRIMARY KEY CHECK (length(code) = 3),
      name_vi TEXT NOT NULL,
      name_native TEXT,
      scripts TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('ltr','rtl')),
      region TEXT,
      built_in INTEGER NOT NULL DEFAULT 0
    );
  `,
};
