import type { Migration } from './index.ts';

/** Installed voice packs; their files live under <dataDir>/voices/<dir>. */
export const voicePacksSchema: Migration = {
  version: 26,
  name: 'voice-packs',
  sql: /* sql */ `
    CREATE TABLE voice_packs (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      engine TEXT NOT NULL CHECK (engine IN ('piper','vits')),
      dir TEXT NOT NULL UNIQUE,
      model_file TEXT NOT NULL,
      config_file TEXT NOT NULL,
      languages TEXT NOT NULL,
      sample_rate INTEGER NOT NULL,
      speakers TEXT NOT NULL,
      licence TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      warnings TEXT NOT NULL,
      installed_at TEXT NOT NULL
    );
  `,
};
