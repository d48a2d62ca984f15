import type { Migration } from './index.ts';

/** A bulletin's translation into one language and its segments, each with a state, author and time. */
export const translationsSchema: Migration = {
  version: 102,
  name: 'translations',
  sql: /* sql */ `
    CREATE TABLE translations (
      id INTEGER PRIMARY KEY,
      source_ref TEXT,
      src_lang TEXT NOT NULL,
      tgt_lang TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE translation_segments (
      translation_id INTEGER NOT NULL REFERENCES translations(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      kind TEXT NOT NULL,
      source TEXT NOT NULL,
      target TEXT NOT NULL DEFAULT '',
      state TEXT NOT NULL CHECK (state IN ('new','pre-translated','edited','approved','rejected')),
      origin TEXT,
      score INTEGER,
      spans TEXT NOT NULL DEFAULT '[]',
      source_changed INTEGER NOT NULL DEFAULT 0,
      author TEXT,
      at TEXT,
      PRIMARY KEY (translation_id, idx)
    );
  `,
};
