import type { Migration } from './index.ts';

/** Packages already imported, by their id: the same USB package imported twice is refused. */
export const packageImportsSchema: Migration = {
  version: 36,
  name: 'package-imports',
  sql: /* sql */ `
    CREATE TABLE package_imports (
      package_id TEXT PRIMARY KEY,
      bulletin_id INTEGER REFERENCES bulletins(id) ON DELETE SET NULL,
      source_dir TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      manifest TEXT NOT NULL
    );
  `,
};
