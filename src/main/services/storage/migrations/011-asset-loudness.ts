import type { Migration } from './index.ts';

/**
 * Audio (issue 3/5): the loudness of each asset, measured where the audio is read anyway (import,
 * recording, synthesis, package import) or later on demand. NULL columns with a NULL
 * loudness_measured_at mean "not measured yet"; a measured silent file has a measured_at, a
 * range of 0 and NULL integrated/true peak.
 */
export const assetLoudness: Migration = {
  version: 11,
  name: 'asset-loudness',
  sql: /* sql */ `
    ALTER TABLE assets ADD COLUMN integrated_lufs REAL;
    ALTER TABLE assets ADD COLUMN loudness_range_lu REAL;
    ALTER TABLE assets ADD COLUMN true_peak_dbtp REAL;
    ALTER TABLE assets ADD COLUMN loudness_measured_at TEXT;
  `,
};
