/**
 * Connection settings for the source system. The token is the one secret: it goes to the
 * platform's secret store (safeStorage in Electron, a 0600 file otherwise), never into the
 * database, an event, a log line or a response.
 */
import fs from 'node:fs';
import type { DeliverySettings } from '../../../shared/api/delivery.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { SecretStore } from '../../platform.ts';
import type { AuditTrail } from '../library/audit.ts';
import type { Db } from '../storage/database.ts';

export const TOKEN_SECRET_KEY = 'delivery.source.token';

const DEFAULTS = { serverUrl: '', caCertPath: '', chunkSizeMiB: 8 };
type Stored = typeof DEFAULTS;

export interface SourceConnection {
  serverUrl: string;
  token: string;
  ca?: Buffer;
  chunkSize: number;
}

export class DeliverySettingsStore {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretStore,
    private readonly audit: AuditTrail,
  ) {}

  private stored(): Stored {
    const values: Record<string, unknown> = {};
    for (const { key, value } of this.db.prepare('SELECT key, value FROM delivery_settings').all() as { key: string; value: string }[]) {
      try {
        values[key] = JSON.parse(value);
      } catch {
        // A damaged value falls back to its default.
      }
    }
    return {
      serverUrl: typeof values.serverUrl === 'string' ? values.serverUrl : DEFAULTS.serverUrl,
      caCertPath: typeof values.caCertPath === 'string' ? values.caCertPath : DEFAULTS.caCertPath,
      chunkSizeMiB: typeof values.chunkSizeMiB === 'number' ? values.chunkSizeMiB : DEFAULTS.chunkSizeMiB,
    };
  }

  get(): DeliverySettings {
    return { ...this.stored(), hasToken: Boolean(this.secrets.get(TOKEN_SECRET_KEY)) };
  }

  update(changes: { serverUrl?: string; token?: string | null; caCertPath?: string; chunkSizeMiB?: number }, actor: string): DeliverySettings {
    const { token, ...plain } = changes;
    if (plain.caCertPath) readCa(plain.caCertPath);
    this.db.transaction(() => {
      const upsert = this.db.prepare(
        'INSERT INTO delivery_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      );
      for (const [key, value] of Object.entries(plain)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
      // The audit says the token changed, never what it is.
      const audited = { ...plain, ...(token === undefined ? {} : { token: token === null ? 'removed' : 'replaced' }) };
      this.audit.record({ actor, entity: 'settings', entityId: null, action: 'delivery.update', changes: audited });
    })();
    if (token === null) this.secrets.delete(TOKEN_SECRET_KEY);
    else if (token !== undefined) this.secrets.set(TOKEN_SECRET_KEY, token);
    return this.get();
  }

  /** What the source connector needs; `serverUrl`/`token` override the stored ones (test connection). */
  connection(overrides: { serverUrl?: string; token?: string } = {}): SourceConnection {
    const stored = this.stored();
    const serverUrl = overrides.serverUrl ?? stored.serverUrl;
    if (!serverUrl) throw new StudioError('invalid_argument', 'Chưa nhập địa chỉ máy chủ nguồn (Cài đặt › Gửi tin).');
    const token = overrides.token ?? this.secrets.get(TOKEN_SECRET_KEY);
    if (!token) throw new StudioError('unauthorized', 'Chưa có mã truy cập (token) của máy chủ nguồn (Cài đặt › Gửi tin).');
    return {
      serverUrl,
      token,
      ca: stored.caCertPath ? readCa(stored.caCertPath) : undefined,
      chunkSize: stored.chunkSizeMiB * 1024 * 1024,
    };
  }
}

function readCa(file: string): Buffer {
  try {
    const pem = fs.readFileSync(file);
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('not a PEM certificate');
    return pem;
  } catch (error) {
    throw new StudioError('invalid_argument', `Không đọc được tệp chứng chỉ ${file}: ${(error as Error).message}`);
  }
}
