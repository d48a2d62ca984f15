import { BrowserWindow, session, shell } from 'electron';
import path from 'node:path';
import { APP_ORIGIN } from './protocols.ts';

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
      preload: path.join(import.meta.dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  const ownOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
  // No navigation away from the studio and no new windows; external links open in the browser.
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== ownOrigin) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // The microphone (recording) is the only permission, and only for our own pages.
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
    const fromUs = new URL(details.requestingUrl).origin === ownOrigin && contents === window.webContents;
    callback(fromUs && permission === 'media' && (details as { mediaTypes?: string[] }).mediaTypes?.every((t) => t === 'audio') === true);
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin) => permission === 'media' && origin === ownOrigin);

  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
