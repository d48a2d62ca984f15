import type { Migration } from './index.ts';

/** Audio (issue 3): edit documents with their full history, and programme renders. */
export const audioEdits: Migration = {
  version: 10,
  name: 'audio-edits',
  sql: /* sql */ `
    CREATE TABLE edit_documents (
      id INTEGER PRIMARY KEY,
      asset_id INTEGER NOT NULL UNIQUE REFERENCES assets(id) ON DELETE CASCADE,
      -- JSON segments of the last cut/copy; paste edits embed their own copy
      clipboard TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    -- Every edit ever applied, in order. Undone edits stay (undone = 1) until a new edit
    -- replaces them, so undo/redo survive a restart.
    CREATE TABLE edit_ops (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES edit_documents(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      request TEXT NOT NULL,
      frames TEXT NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
      created_at TEXT NOT NULL,
      UNIQUE (document_id, seq)
    );

    CREATE TABLE programme_renders (
      programme_id INTEGER PRIMARY KEY REFERENCES programmes(id) ON DELETE CASCADE,
      media TEXT NOT NULL,
      duration_sec REAL NOT NULL,
      -- the items (ids, assets, order) the render was made from; a change makes it stale
      signature TEXT NOT NULL,
      loudness TEXT NOT NULL,
      rendered_at TEXT NOT NULL
    );
  `,
};
