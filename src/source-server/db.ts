/**
 * The reference source server's own SQLite database: accounts, tokens, and the bulletins it has
 * been sent. Separate from the studio's database: this stands in for the provincial system.
 */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type SourceDb = Database.Database;

export const SOURCE_STATUSES = ['awaiting_audio', 'received', 'approved', 'scheduled', 'aired', 'rejected'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

const SCHEMA = /* sql */ `
  CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS tokens (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    -- Only the sha256 of a token is kept: a copied database does not leak working tokens.
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS bulletins (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    idempotency_key TEXT NOT NULL,
    metadata TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    upload_id TEXT,
    received_sha256 TEXT,
    audio_file TEXT,
    created_at TEXT NOT NULL,
    received_at TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (account_id, idempotency_key)
  );
  CREATE INDEX IF NOT EXISTS bulletins_upload ON bulletins(upload_id);
`;

export function openSourceDb(dataDir: string): SourceDb {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'source.sqlite'));
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // FULL: the server is killed with -9 in tests; an acknowledged record must survive.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export interface Account {
  id: number;
  name: string;
}

export function createAccount(db: SourceDb, name: string): Account {
  const existing = db.prepare('SELECT id, name FROM accounts WHERE name = ?').get(name) as Account | undefined;
  if (existing) return existing;
  const { lastInsertRowid } = db
    .prepare('INSERT INTO accounts (name, created_at) VALUES (?, ?)')
    .run(name, new Date().toISOString());
  return { id: Number(lastInsertRowid), name };
}

/** Issues a new random token for an account; the plain token is returned once and never stored. */
export function createToken(db: SourceDb, accountName: string, options: { expiresAt?: Date | null } = {}): string {
  const account = createAccount(db, accountName);
  const token = `src_${crypto.randomBytes(32).toString('base64url')}`;
  db.prepare('INSERT INTO tokens (account_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)').run(
    account.id,
    hashToken(token),
    options.expiresAt ? options.expiresAt.toISOString() : null,
    new Date().toISOString(),
  );
  return token;
}

export type TokenCheck =
  | { ok: true; account: Account; expiresAt: string | null }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export function checkToken(db: SourceDb, authorization: string | null | undefined): TokenCheck {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return { ok: false, reason: 'missing' };
  const row = db
    .prepare(
      `SELECT a.id, a.name, t.expires_at FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = ?`,
    )
    .get(hashToken(match[1]!)) as { id: number; name: string; expires_at: string | null } | undefined;
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.expires_at && Date.parse(row.expires_at) <= Date.now()) return { ok: false, reason: 'expired' };
  return { ok: true, account: { id: row.id, name: row.name }, expiresAt: row.expires_at };
}
