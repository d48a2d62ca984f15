import type { Migration } from './index.ts';

/**
 * Issue 8, item 6: audio imported from MP3, FLAC or OGG was recorded with the sha256 of the
 * compressed original while the stored file is the decoded WAV, so USB delivery called it damaged
 * and the source server re-uploaded it forever. Hashing gigabytes cannot happen inside a
 * migration's transaction; this one only marks every asset "hash not checked" (NULL), and the
 * start-up check (library/asset-hashes.ts) hashes the stored files in a job and corrects the
 * figures. New assets start unchecked too, so a wrong hash from any path is caught at the next
 * start.
 */
export const assetHashCheck: Migration = {
  version: 12,
  name: 'asset-hash-check',
  sql: /* sql */ `
    ALTER TABLE assets ADD COLUMN sha256_checked_at TEXT;
  `,
};
