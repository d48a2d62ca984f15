/** The studio's own settings and what it says about itself. */
import { z } from 'zod';
import { label } from '../text.ts';
import { request } from './define.ts';

export const Settings = z.strictObject({
  uiLanguage: z.enum(['vi', 'en']),
  userName: label(200),
  /** Local rules cap one broadcast session (e.g. 15 min in urban wards, 45 in rural areas). */
  sessionCapMinutes: z.number().int().min(1).max(24 * 60),
});
export type Settings = z.infer<typeof Settings>;

export interface AppInfo {
  version: string;
  dataDir: string;
  transport: 'electron' | 'bridge' | 'cli' | 'test';
}

export const settingsRequests = {
  'app.info': request<AppInfo>()(z.strictObject({})),
  'settings.get': request<Settings>()(z.strictObject({})),
  'settings.update': request<Settings>()(Settings.partial()),
} as const;
