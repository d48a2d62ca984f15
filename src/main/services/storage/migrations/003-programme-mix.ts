import type { Migration } from './index.ts';

/**
 * A programme's render settings (issue 11 item 3): its loudness preset (−23 or −16 LUFS), the gap
 * or crossfade between items, how far music beds duck under speech, and whether each item is
 * normalised first. Stored on the programme so its planned length, its render and every total
 * shown use the same settings.
 */
export const programmeMix: Migration = {
  version: 3,
  name: 'programme-mix',
  sql: /* sql */ `
    ALTER TABLE programmes ADD COLUMN preset_lufs REAL NOT NULL DEFAULT -23 CHECK (preset_lufs IN (-23, -16));
    ALTER TABLE programmes ADD COLUMN gap_sec REAL NOT NULL DEFAULT 1 CHECK (gap_sec >= 0 AND gap_sec <= 60);
    ALTER TABLE programmes ADD COLUMN crossfade_sec REAL NOT NULL DEFAULT 0 CHECK (crossfade_sec >= 0 AND crossfade_sec <= 10);
    ALTER TABLE programmes ADD COLUMN duck_db REAL NOT NULL DEFAULT -18 CHECK (duck_db >= -60 AND duck_db <= 0);
    ALTER TABLE programmes ADD COLUMN normalize_items INTEGER NOT NULL DEFAULT 1 CHECK (normalize_items IN (0, 1));
  `,
};
