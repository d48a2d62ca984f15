/**
 * The Electron shell: one window, the studio's own protocols, IPC into the same dispatch the
 * browser mode uses. Everything else lives in plain-Node services.
 */
import { app, BrowserWindow, protocol } from 'electron';
import path from 'node:path';
import { resolveDataDir } from '../platform.ts';
import { openStudio, type Studio } from '../studio.ts';
import { electronPlatform } from './electron-platform.ts';
import { registerIpc } from './ipc.ts';
import { registerProtocols, SCHEMES } from './protocols.ts';
import { createMainWindow } from './window.ts';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
declare const MAIN_WINDOW_VITE_NAME: string;

// Privileges must be declared before the app is ready.
protocol.registerSchemesAsPrivileged(SCHEMES);

let studio: Studio | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.whenReady().then(start, (error) => {
    console.error('Studio failed to start', error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  studio = openStudio({ dataDir: resolveDataDir(electronPlatform), transport: 'electron', platform: electronPlatform });
  const rendererDir = path.join(import.meta.dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}`);
  registerProtocols(studio, rendererDir);
  registerIpc(studio);
  createMainWindow(MAIN_WINDOW_VITE_DEV_SERVER_URL);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(MAIN_WINDOW_VITE_DEV_SERVER_URL);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!studio) return;
  // Let running jobs stop and the database close cleanly before the process ends.
  event.preventDefault();
  const closing = studio;
  studio = null;
  void closing.close().finally(() => app.quit());
});
