import type { Migration } from './index.ts';

/**
 * Translation memory per language pair. One row per (source, target) pair: several targets for one
 * source are alternatives. `source_key` is the normalised, lower-cased source (exact matching);
 * `previous_key` the same for the segment before it (in-context matching); `source_tokens` the
 * source's word tokens joined by spaces, so the fuzzy index loads without re-tokenising.
 */
export const translationMemorySchema: Migration = {
  version: 101,
  name: 'translation-memory',
  sql: /* sql */ `
    CREATE TABLE tm_segments (
      id INTEGER PRIMARY KEY,
      src_lang TEXT NOT NULL,
      tgt_lang TEXT NOT NULL,
      source TEXT NOT NULL,
      target TEXT NOT NULL,
      target_key TEXT NOT NULL,
      source_key TEXT NOT NULL,
      source_tokens TEXT NOT NULL,
      previous_source TEXT,
      previous_key TEXT,
      author TEXT,
      created_at TEXT NOT NULL,
      origin TEXT,
      note TEXT,
      UNIQUE (src_lang, tgt_lang, source, target)
    );
    CREATE INDEX tm_segments_exact ON tm_segments (src_lang, tgt_lang, source_key);
    CREATE TABLE glossary_entries (
      id INTEGER PRIMARY KEY,
      src_lang TEXT NOT NULL,
      tgt_lang TEXT NOT NULL,
      term TEXT NOT NULL,
      translation TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('term','do-not-translate')),
      note TEXT,
      UNIQUE (src_lang, tgt_lang, term, translation)
    );
  `,
};
