import type { Migration } from './index.ts';

/**
 * LED bulletin boards (issue 14): board profiles (the validated profile as JSON, its name and
 * area as columns for uniqueness and the area link) and board notices (a programme as JSON, the
 * bulletin it came from, its priority/rotation rank, target areas and the board it was made for).
 */
export const ledBoardsSchema: Migration = {
  version: 120,
  name: 'led-boards',
  sql: /* sql */ `
    CREATE TABLE led_boards (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE,
      profile TEXT NOT NULL,
      area_id INTEGER REFERENCES areas(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE led_notices (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      title TEXT NOT NULL,
      programme TEXT NOT NULL,
      bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE SET NULL,
      priority TEXT NOT NULL CHECK (priority IN ('normal', 'priority', 'emergency')),
      rotation_rank INTEGER NOT NULL,
      area_ids TEXT NOT NULL DEFAULT '[]',
      board_id INTEGER REFERENCES led_boards(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX led_notices_bulletin ON led_notices(bulletin_id);
    CREATE INDEX led_notices_rotation ON led_notices(rotation_rank, updated_at DESC);
  `,
};
