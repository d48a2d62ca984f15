import type { Migration } from './index.ts';

export const librarySchema: Migration = {
  version: 1,
  name: 'library',
  sql: /* sql */ `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE areas (
      id INTEGER PRIMARY KEY,
      parent_id INTEGER REFERENCES areas(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('province','district','region','commune','cluster','board')),
      name TEXT NOT NULL,
      code TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX areas_parent ON areas(parent_id);

    CREATE TABLE assets (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL DEFAULT 'audio',
      name TEXT NOT NULL,
      file TEXT NOT NULL UNIQUE,
      sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      duration_sec REAL NOT NULL,
      sample_rate INTEGER NOT NULL,
      channels INTEGER NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE bulletins (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      script TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL,
      language TEXT NOT NULL,
      author TEXT NOT NULL DEFAULT '',
      approver TEXT,
      approved_at TEXT,
      priority TEXT NOT NULL CHECK (priority IN ('normal','priority','emergency')),
      status TEXT NOT NULL CHECK (status IN ('draft','submitted','approved','delivered')),
      schedule TEXT NOT NULL,
      repeat_count INTEGER NOT NULL DEFAULT 1,
      repeat_gap_minutes INTEGER NOT NULL DEFAULT 0,
      audio_asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX bulletins_updated ON bulletins(updated_at DESC);

    CREATE TABLE bulletin_areas (
      bulletin_id INTEGER NOT NULL REFERENCES bulletins(id) ON DELETE CASCADE,
      area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
      PRIMARY KEY (bulletin_id, area_id)
    ) WITHOUT ROWID;

    CREATE TABLE programmes (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      notes TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    CREATE TABLE programme_items (
      id INTEGER PRIMARY KEY,
      programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('bulletin','jingle','music_bed')),
      bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE CASCADE,
      asset_id INTEGER REFERENCES assets(id) ON DELETE CASCADE,
      CHECK ((bulletin_id IS NULL) <> (asset_id IS NULL))
    );
    CREATE INDEX programme_items_order ON programme_items(programme_id, position);

    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id INTEGER,
      action TEXT NOT NULL,
      changes TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_entity ON audit(entity, entity_id);
  `,
};
