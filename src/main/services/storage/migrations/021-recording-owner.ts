import type { Migration } from './index.ts';

/**
 * The process writing each take. Another process on the same data directory (the CLI beside the
 * app) must not take a live recording for one cut short by a crash.
 */
export const recordingOwner: Migration = {
  version: 21,
  name: 'recording-owner',
  sql: /* sql */ `ALTER TABLE recordings ADD COLUMN owner_pid INTEGER;`,
};
