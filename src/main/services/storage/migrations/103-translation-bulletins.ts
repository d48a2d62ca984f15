import type { Migration } from './index.ts';

/**
 * A translation links its source bulletin and the target-language bulletin it writes (both ways:
 * the source lists its translations, the target says whose translation it is), and each segment
 * keeps its paragraph so the target bulletin's script keeps the source's layout.
 */
export const translationBulletinsSchema: Migration = {
  version: 103,
  name: 'translation-bulletins',
  sql: /* sql */ `
    ALTER TABLE translations ADD COLUMN source_bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE SET NULL;
    ALTER TABLE translations ADD COLUMN target_bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE SET NULL;
    ALTER TABLE translation_segments ADD COLUMN paragraph INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX translations_source_bulletin ON translations(source_bulletin_id);
    CREATE INDEX translations_target_bulletin ON translations(target_bulletin_id);
  `,
};
