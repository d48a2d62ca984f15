/** Settings requests, and what the studio says about itself. */
import type { AppInfo } from '../../shared/api/settings.ts';
import type { SettingsService } from '../services/settings/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export const settingsApi = ({ settings, app }: { settings: SettingsService; app: AppInfo }): DomainHandlers<'settings'> => ({
  'app.info': () => app,
  'settings.get': () => settings.get(),
  'settings.update': (changes, ctx) => settings.update(changes, ctx.actor),
});
