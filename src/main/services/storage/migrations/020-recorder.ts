import type { Migration } from './index.ts';

/** Takes being recorded. A row still 'recording' when the studio opens was cut short by a crash. */
export const recorderSchema: Migration = {
  version: 20,
  name: 'recorder',
  sql: /* sql */ `
    CREATE TABLE recordings (
      session_id TEXT PRIMARY KEY,
      file TEXT NOT NULL,
      device_label TEXT NOT NULL DEFAULT '',
      sample_rate INTEGER NOT NULL,
      channels INTEGER NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('recording','finished','discarded')),
      asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,
      started_at TEXT NOT NULL,
      ended_at TEXT
    );
    CREATE INDEX recordings_state ON recordings(state);
  `,
};
