/**
 * Storage: the studio's one SQLite connection, its migrations, and crash-safe file writes. Every
 * service is handed this connection (they own their tables, not the connection).
 */
export { DATABASE_FILE, migrate, openDatabase, schemaVersion, type Db } from './database.ts';
export { PartFile } from './part-file.ts';
export { writeRelaxed } from './relaxed-write.ts';
