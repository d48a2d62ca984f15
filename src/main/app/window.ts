import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childWindowOptions } from './child-windows.ts';
import { APP_ORIGIN, isOwnUrl } from './origin.ts';

/** The folder of the built main.js (.vite/build), where the preload sits beside it. */
const buildDir = path.dirname(fileURLToPath(import.meta.url));

/** The one window, locked down per Electron's security checklist. */
export function createMainWindow(devServerUrl: string | undefined): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Studio',
    show: false,
    webPreferences: {
      preload: path.join(buildDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  // No navigation away from the studio and no new windows but the LED output; external links open in the browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url, devServerUrl)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    const child = childWindowOptions(url, devServerUrl);
    if (child) return { action: 'allow', overrideBrowserWindowOptions: child };
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The output window shows one page and opens nothing.
  window.webContents.on('did-create-window', (child) => {
    child.webContents.on('will-navigate', (event) => event.preventDefault());
    child.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/** The microphone (recording) is the only permission, and only for our own pages. */
export function restrictPermissions(devServerUrl: string | undefined): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = (details as { mediaTypes?: string[] }).mediaTypes ?? [];
    const audioOnly = mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio');
    callback(permission === 'media' && audioOnly && isOwnUrl(details.requestingUrl, devServerUrl));
  });
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => permission === 'media' && isOwnUrl(requestingOrigin, devServerUrl),
  );
}
