import type { Migration } from './index.ts';

/** The engines' measured quality: one row per finished evaluation, shown per language pair and engine. */
export const translationEvaluationsSchema: Migration = {
  version: 104,
  name: 'translation-evaluations',
  sql: /* sql */ `
    CREATE TABLE translation_evaluations (
      id INTEGER PRIMARY KEY,
      src_lang TEXT NOT NULL,
      tgt_lang TEXT NOT NULL,
      engine TEXT NOT NULL,
      segments INTEGER NOT NULL,
      chrf REAL NOT NULL,
      bleu REAL NOT NULL,
      coverage REAL NOT NULL,
      ms_per_segment REAL NOT NULL,
      test_file TEXT NOT NULL,
      train_file TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX translation_evaluations_pair ON translation_evaluations(src_lang, tgt_lang, created_at);
  `,
};
