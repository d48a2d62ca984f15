/**
 * The Electron shell: one window, the studio's own protocols, IPC into the same dispatch the
 * browser mode uses. Everything else lives in plain-Node services.
 */
import { app, BrowserWindow, dialog, protocol } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../platform.ts';
import { installProcessGuard } from '../process-guard.ts';
import { hostChildren } from '../services/jobs/index.ts';
import { openStudio, type Studio } from '../studio.ts';
import { StudioError } from '../../shared/errors.ts';
import { refusalWords } from '../../shared/update-refusals.ts';
import { electronPlatform } from './electron-platform.ts';
import { registerIpc } from './ipc.ts';
import { registerProtocols, SCHEMES } from './protocols.ts';
import { attachUpdater } from './updater.ts';
import { createMainWindow, restrictPermissions } from './window.ts';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

/** .vite/build, where this file is built; the screen is in .vite/renderer/<name>. */
const buildDir = path.dirname(fileURLToPath(import.meta.url));

// Privileges must be declared before the app is ready.
protocol.registerSchemesAsPrivileged(SCHEMES);
// A stray rejected promise in a request handler must not end the app (as in browser mode).
installProcessGuard();

let studio: Studio | null = null;
let stopHostingChildren: (() => void) | null = null;
const windows = new Set<BrowserWindow>();

function openWindow(): void {
  const window = createMainWindow(MAIN_WINDOW_VITE_DEV_SERVER_URL);
  windows.add(window);
  window.on('closed', () => windows.delete(window));
  console.log('Studio: window created');
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => [...windows][0]?.focus());
  app.whenReady().then(start, (error: unknown) => {
    console.error('Studio failed to start', error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  // Voices dropped into models/ ship as an extra resource beside the app (forge.config.ts).
  process.env.STUDIO_MODELS_DIR ??= path.join(app.isPackaged ? process.resourcesPath : app.getAppPath(), 'models');
  // Worker threads ask the main thread for child processes (jobs/child-link.ts); job processes
  // ask the job manager, which has the same launcher (studio.ts).
  stopHostingChildren = hostChildren(electronPlatform.launchChild);
  try {
    studio = openStudio({ dataDir: resolveDataDir(electronPlatform), transport: 'electron', platform: electronPlatform });
  } catch (error) {
    // The update's migrations failed and the library was restored from the pre-update backup:
    // say so, in both languages, and stop (this version cannot open the library).
    if (!(error instanceof StudioError) || error.code !== 'update_migration_failed') throw error;
    const payload = error.toPayload();
    dialog.showErrorBox('Studio', `${refusalWords(payload, 'vi')}\n\n${refusalWords(payload, 'en')}`);
    stopHostingChildren();
    app.exit(1);
    return;
  }
  registerProtocols(studio, path.join(buildDir, '..', 'renderer', MAIN_WINDOW_VITE_NAME));
  registerIpc(studio, () => [...windows]);
  attachUpdater(studio);
  restrictPermissions(MAIN_WINDOW_VITE_DEV_SERVER_URL);
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

/** How long quitting waits for jobs to stop and the database to close. */
const QUIT_GRACE_MS = 10_000;

app.on('will-quit', (event) => {
  if (!studio) return;
  // Let running jobs stop and the database close cleanly before the process ends.
  event.preventDefault();
  const closing = studio;
  studio = null;
  stopHostingChildren?.();
  // Never hang on quit: what has not closed after the grace period is ended with the process
  // (the database is WAL with synchronous=FULL, so every acknowledged write is already on disk).
  const grace = new Promise<void>((resolve) => setTimeout(() => {
    console.error(`Studio: closing took over ${QUIT_GRACE_MS / 1000} s; quitting anyway`);
    resolve();
  }, QUIT_GRACE_MS).unref());
  void Promise.race([closing.close(), grace]).finally(() => app.quit());
});
