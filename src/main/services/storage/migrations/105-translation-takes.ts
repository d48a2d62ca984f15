import type { Migration } from './index.ts';

/**
 * A segment's recorded take (issue 12 §9): one library asset per segment of a translation. The
 * segment's source and target text at recording time are kept, so a take follows its segment
 * when the source is re-segmented and is shown as outdated when the text changed after it.
 * Removing the asset removes the link; removing the link keeps the asset.
 */
export const translationTakesSchema: Migration = {
  version: 105,
  name: 'translation-takes',
  sql: /* sql */ `
    CREATE TABLE translation_takes (
      translation_id INTEGER NOT NULL REFERENCES translations(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
      source TEXT NOT NULL,
      target TEXT NOT NULL,
      author TEXT,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (translation_id, idx)
    );
    CREATE INDEX translation_takes_asset ON translation_takes(asset_id);
  `,
};
