import type { Migration } from './index.ts';

/**
 * The user pronunciation dictionary (reading service). `term_key` is the term with NFC, traditional
 * tone placement and (unless match_case) lower case, so "Thuỷ" and "thủy" are one entry.
 */
export const pronunciationsSchema: Migration = {
  version: 25,
  name: 'pronunciations',
  sql: /* sql */ `
    CREATE TABLE pronunciations (
      id INTEGER PRIMARY KEY,
      term TEXT NOT NULL,
      term_key TEXT NOT NULL UNIQUE,
      spoken TEXT NOT NULL,
      kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('abbreviation','place','person','other')),
      match_case INTEGER NOT NULL DEFAULT 0,
      note TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL
    );
  `,
};
