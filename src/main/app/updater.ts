import { app } from 'electron';
// CommonJS: its `autoUpdater` is a getter that makes the platform's updater on first use (ESM needs the default import).
import electronUpdater from 'electron-updater';
import fs from 'node:fs';
import path from 'node:path';
import type { Studio } from '../studio.ts';
import { parseAppUpdateConfig, type AppUpdateConfig } from '../services/updates/index.ts';
import { electronUpdaterInstaller } from './updater-installer.ts';

/**
 * Lends electron-updater to the updates service (src/main/services/updates), which decides
 * everything else. Only a packaged app can install (electron-updater refuses to run unpacked);
 * from sources the studio checks for updates but downloads nothing.
 */
export function attachUpdater(studio: Studio): void {
  if (!app.isPackaged) return;
  const config = packagedUpdateConfig();
  studio.services.updates.useInstaller(electronUpdaterInstaller(electronUpdater.autoUpdater), config);
  console.log(`Studio: updater attached (${config ? `publisher ${config.publisherName.join(', ')}` : 'no app-update.yml publisher: downloads refused'})`);
}

/** resources/app-update.yml as the NSIS maker wrote it; null when absent or without a publisher. */
function packagedUpdateConfig(): AppUpdateConfig | null {
  try {
    return parseAppUpdateConfig(fs.readFileSync(path.join(process.resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    return null;
  }
}
