import type { Migration } from './index.ts';

/**
 * Issue 11, item 1: a jingle and music library kept apart from bulletins' voice files. Every
 * asset gets a role: `voice` (a bulletin's speech: synthesised, recorded, imported for a
 * bulletin), `jingle` or `bed` (music under speech). Assets already used as a programme's jingle
 * or music bed take that role; everything else was made for a bulletin and is a voice.
 */
export const assetRoles: Migration = {
  version: 8,
  name: 'asset-roles',
  sql: /* sql */ `
    ALTER TABLE assets ADD COLUMN role TEXT NOT NULL DEFAULT 'voice' CHECK (role IN ('voice', 'jingle', 'bed'));
    UPDATE assets SET role = 'bed'
      WHERE id IN (SELECT asset_id FROM programme_items WHERE kind = 'music_bed' AND asset_id IS NOT NULL)
        AND id NOT IN (SELECT audio_asset_id FROM bulletins WHERE audio_asset_id IS NOT NULL);
    UPDATE assets SET role = 'jingle'
      WHERE id IN (SELECT asset_id FROM programme_items WHERE kind = 'jingle' AND asset_id IS NOT NULL)
        AND id NOT IN (SELECT audio_asset_id FROM bulletins WHERE audio_asset_id IS NOT NULL);
    CREATE INDEX assets_role ON assets(role, id);
  `,
};
