/**
 * Connection settings for the source system. The token is the one secret: it goes to the
 * platform's secret store (safeStorage in Electron, a 0600 file otherwise), never into the
 * database, an event, a log line or a response.
 */
import type { DeliverySettings } from '../../../shared/api/delivery.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { SecretStore } from '../../platform.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Db } from '../storage/index.ts';
import { loadOrCreateSigningKey, normalisePublicKey } from './package/package-signing.ts';
import { readCaFile } from './read-ca.ts';

export const TOKEN_SECRET_KEY = 'delivery.source.token';

const DEFAULTS = { serverUrl: '', caCertPath: '', chunkSizeMiB: 8, keepFilesDays: 30, trustedPackageKeys: [] as string[] };
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
    private readonly dataDir: string,
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
      keepFilesDays: typeof values.keepFilesDays === 'number' && values.keepFilesDays >= 1 ? values.keepFilesDays : DEFAULTS.keepFilesDays,
      trustedPackageKeys: Array.isArray(values.trustedPackageKeys) ? values.trustedPackageKeys.filter((key): key is string => typeof key === 'string') : [],
    };
  }

  get(): DeliverySettings {
    return { ...this.stored(), hasToken: Boolean(this.secrets.get(TOKEN_SECRET_KEY)), packageSigningKey: loadOrCreateSigningKey(this.dataDir).publicKey };
  }

  /** The configured server's address ('' when none), without the rest of get(). */
  serverUrl(): string {
    return this.stored().serverUrl;
  }

  /** How long a finished delivery's files are kept, in days. */
  keepFilesDays(): number {
    return this.stored().keepFilesDays;
  }

  /** The keys whose packages keep their approval: the configured ones and this studio's own. */
  trustedKeys(): string[] {
    return [...this.stored().trustedPackageKeys, loadOrCreateSigningKey(this.dataDir).publicKey];
  }

  async update(
    changes: { serverUrl?: string; token?: string | null; caCertPath?: string; chunkSizeMiB?: number; keepFilesDays?: number; trustedPackageKeys?: string[] },
    actor: string,
  ): Promise<DeliverySettings> {
    const { token, ...plain } = changes;
    if (plain.caCertPath) await readCaFile(plain.caCertPath);
    if (plain.trustedPackageKeys) plain.trustedPackageKeys = normaliseKeys(plain.trustedPackageKeys);
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

  /**
   * What the source connector needs; `serverUrl`/`token` override the stored ones (test
   * connection, an item queued for another address). The stored token belongs to the configured
   * server: it is handed out only for an address of that same origin, so a typed-in or queued
   * address elsewhere never receives it (that address needs its own token).
   */
  async connection(overrides: { serverUrl?: string; token?: string } = {}): Promise<SourceConnection> {
    const stored = this.stored();
    const serverUrl = overrides.serverUrl ?? stored.serverUrl;
    if (!serverUrl) throw new StudioError('invalid_argument', 'no source server address', { reason: 'server_url_missing' });
    if (overrides.token === undefined) assertTokenOrigin(serverUrl, stored.serverUrl);
    const token = overrides.token ?? this.secrets.get(TOKEN_SECRET_KEY);
    if (!token) throw new StudioError('unauthorized', 'no token for the source server', { reason: 'source_token_missing' });
    return {
      serverUrl,
      token,
      ca: stored.caCertPath ? await readCaFile(stored.caCertPath) : undefined,
      chunkSize: stored.chunkSizeMiB * 1024 * 1024,
    };
  }
}

/** The origin (scheme, host, port) of a URL, or null when it is not one. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Refuses `target` unless it is on the configured server's origin (where the stored token belongs). */
export function assertTokenOrigin(target: string, configured: string): void {
  const origin = originOf(target);
  if (origin !== null && origin === originOf(configured)) return;
  throw new StudioError('token_wrong_server', `${origin ?? target} != ${originOf(configured) ?? '(none)'}`, {
    server: origin ?? target,
    configured: originOf(configured),
  });
}

/** Each key as base64 SPKI (PEM accepted), once; a key that is not Ed25519 is refused by its position. */
function normaliseKeys(keys: string[]): string[] {
  const normalised = keys.map((key, index) => {
    const spki = normalisePublicKey(key);
    if (!spki) throw new StudioError('invalid_argument', `trustedPackageKeys[${index}]: not an Ed25519 public key`, {
      reason: 'package_trusted_key_invalid',
      index,
      position: index + 1,
    });
    return spki;
  });
  return [...new Set(normalised)];
}
