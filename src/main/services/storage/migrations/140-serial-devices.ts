import type { Migration } from './index.ts';

/**
 * Serial devices: named profiles (kind, port settings, driver and its options) and the audit
 * trail of every flash (image sha256, device, port, result), kept even when a profile goes.
 */
export const serialDevicesSchema: Migration = {
  version: 140,
  name: 'serial-devices',
  sql: /* sql */ `
    CREATE TABLE device_profiles (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('receiver', 'transmitter', 'led_controller', 'other')),
      port TEXT NOT NULL,
      driver TEXT NOT NULL,
      options TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE flash_audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      device_id TEXT REFERENCES device_profiles(id) ON DELETE SET NULL,
      device_model TEXT,
      port TEXT NOT NULL,
      protocol TEXT NOT NULL,
      image_name TEXT NOT NULL,
      image_sha256 TEXT NOT NULL,
      address INTEGER,
      result TEXT NOT NULL CHECK (result IN ('verified', 'written', 'failed', 'cancelled', 'refused')),
      error_code TEXT,
      device_state TEXT
    );
    CREATE INDEX flash_audit_at ON flash_audit(at);
  `,
};
