/** Device profiles and the flash audit trail, in the studio database (migration 140). */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { StudioError } from '../../../../shared/errors.ts';
import { deviceProfileInputSchema, type DeviceProfileInput } from '../../../../shared/api/serial.ts';
import type { DeviceProfile, FlashAuditEntry, FlashAuditRecord } from '../../../../shared/api/serial-types.ts';

export type { FlashAuditEntry };

type Db = Database.Database;

interface ProfileRow {
  id: string;
  name: string;
  kind: DeviceProfile['kind'];
  port: string;
  driver: DeviceProfile['driver'];
  options: string;
  created_at: string;
  updated_at: string;
}

const toProfile = (r: ProfileRow): DeviceProfile => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  port: JSON.parse(r.port) as DeviceProfile['port'],
  driver: r.driver,
  options: JSON.parse(r.options) as Record<string, unknown>,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function parse(input: DeviceProfileInput) {
  const parsed = deviceProfileInputSchema.safeParse(input);
  if (!parsed.success) throw new StudioError('invalid_argument', 'device_profile', { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) });
  return parsed.data;
}

function uniqueName<T>(work: () => T, name: string): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: device_profiles.name/.test(error.message)) throw new StudioError('conflict', 'device_profile.name', { name });
    throw error;
  }
}

export function createProfile(db: Db, input: DeviceProfileInput): DeviceProfile {
  const p = parse(input);
  const now = new Date().toISOString();
  const id = randomUUID();
  uniqueName(
    () =>
      db
        .prepare('INSERT INTO device_profiles (id, name, kind, port, driver, options, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, p.name, p.kind, JSON.stringify(p.port), p.driver, JSON.stringify(p.options), now, now),
    p.name,
  );
  return getProfile(db, id);
}

export function updateProfile(db: Db, id: string, input: DeviceProfileInput): DeviceProfile {
  const p = parse(input);
  const result = uniqueName(
    () =>
      db
        .prepare('UPDATE device_profiles SET name = ?, kind = ?, port = ?, driver = ?, options = ?, updated_at = ? WHERE id = ?')
        .run(p.name, p.kind, JSON.stringify(p.port), p.driver, JSON.stringify(p.options), new Date().toISOString(), id),
    p.name,
  );
  if (result.changes === 0) throw new StudioError('not_found', 'device_profile', { id });
  return getProfile(db, id);
}

export function getProfile(db: Db, id: string): DeviceProfile {
  const row = db.prepare('SELECT * FROM device_profiles WHERE id = ?').get(id) as ProfileRow | undefined;
  if (!row) throw new StudioError('not_found', 'device_profile', { id });
  return toProfile(row);
}

export function listProfiles(db: Db): DeviceProfile[] {
  return (db.prepare('SELECT * FROM device_profiles ORDER BY name COLLATE NOCASE').all() as ProfileRow[]).map(toProfile);
}

export function deleteProfile(db: Db, id: string): void {
  if (db.prepare('DELETE FROM device_profiles WHERE id = ?').run(id).changes === 0) throw new StudioError('not_found', 'device_profile', { id });
}

export function recordFlash(db: Db, entry: FlashAuditEntry): number {
  return Number(
    db
      .prepare(
        `INSERT INTO flash_audit (at, device_id, device_model, port, protocol, image_name, image_sha256, address, result, error_code, device_state)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(new Date().toISOString(), entry.deviceId, entry.deviceModel, entry.port, entry.protocol, entry.imageName, entry.imageSha256, entry.address, entry.result, entry.errorCode, entry.deviceState)
      .lastInsertRowid,
  );
}

export function listFlashAudit(db: Db, limit = 100): FlashAuditRecord[] {
  const rows = db.prepare('SELECT * FROM flash_audit ORDER BY id DESC LIMIT ?').all(limit) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: r.id as number,
    at: r.at as string,
    deviceId: (r.device_id as string | null) ?? null,
    deviceModel: (r.device_model as string | null) ?? null,
    port: r.port as string,
    protocol: r.protocol as 'stm32' | 'esp',
    imageName: r.image_name as string,
    imageSha256: r.image_sha256 as string,
    address: (r.address as number | null) ?? null,
    result: r.result as FlashAuditEntry['result'],
    errorCode: (r.error_code as string | null) ?? null,
    deviceState: (r.device_state as string | null) ?? null,
  }));
}
