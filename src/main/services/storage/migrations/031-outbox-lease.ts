import type { Migration } from './index.ts';

/**
 * Which process runs the outbox for this data directory. The desktop app, the browser-mode host
 * and a CLI command may open the same library at once; only one of them may send, or two
 * uploads of the same item would race.
 */
export const outboxLease: Migration = {
  version: 31,
  name: 'outbox-lease',
  sql: /* sql */ `
    CREATE TABLE outbox_lease (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      pid INTEGER NOT NULL,
      host TEXT NOT NULL,
      token TEXT NOT NULL,
      since TEXT NOT NULL
    );
  `,
};
