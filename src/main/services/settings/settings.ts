import { Settings } from '../../../shared/api/settings.ts';
import type { Db } from '../storage/index.ts';
import type { AuditTrail } from '../audit/index.ts';

export const DEFAULT_SETTINGS: Settings = {
  uiLanguage: 'vi',
  userName: '',
  sessionCapMinutes: 15,
};

/** User preferences, one JSON value per key; unknown or damaged keys fall back to defaults. */
export class SettingsStore {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const { key, value } of rows) {
      try {
        stored[key] = JSON.parse(value);
      } catch {
        // A damaged value is ignored: the default for that key applies.
      }
    }
    const merged = { ...DEFAULT_SETTINGS, ...stored };
    const parsed = Settings.safeParse(merged);
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  update(changes: Partial<Settings>, actor: string): Settings {
    return this.db.transaction(() => {
      const upsert = this.db.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      );
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value));
      }
      this.audit.record({ actor, entity: 'settings', entityId: null, action: 'update', changes });
      return this.get();
    })();
  }
}
