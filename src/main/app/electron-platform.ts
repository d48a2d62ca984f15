import { app } from 'electron';
import type { Platform } from '../platform.ts';

/** What only Electron knows: the per-user data folder (%APPDATA%\Studio on Windows). */
export const electronPlatform: Platform = {
  defaultDataDir: () => app.getPath('userData'),
};
