/** The studio's own settings (language, user name, session cap); it says when they change. */
import type { Settings } from '../../../shared/api/settings.ts';
import type { StudioEvents } from '../../../shared/events.ts';
import type { AuditTrail } from '../audit/index.ts';
import type { Db } from '../storage/index.ts';
import { SettingsStore } from './settings.ts';

export interface SettingsDeps {
  db: Db;
  audit: AuditTrail;
  emit: (name: 'library.changed', payload: StudioEvents['library.changed']) => void;
}

export function createSettings({ db, audit, emit }: SettingsDeps) {
  const store = new SettingsStore(db, audit);
  return {
    get: (): Settings => store.get(),
    update(changes: Partial<Settings>, actor: string): Settings {
      const updated = store.update(changes, actor);
      emit('library.changed', { entity: 'settings', id: null });
      return updated;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettings>;
