import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/transport.ts';
import type { Studio } from '../studio.ts';
import { isOwnUrl } from './origin.ts';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;

/** Only our own top frame may call: not an iframe, not a page that somehow navigated elsewhere. */
function fromOurFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isOwnUrl(frame.url, MAIN_WINDOW_VITE_DEV_SERVER_URL);
}

/** `windows` lists the studio's own windows: events go to them and to nothing else. */
export function registerIpc(studio: Studio, windows: () => BrowserWindow[]): void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, arg: unknown) => {
    if (!fromOurFrame(event)) {
      return { ok: false, error: { code: 'unauthorized', message: 'call from an unknown frame' } };
    }
    return studio.dispatch(String(name), arg, { actor: studio.defaultActor() });
  });
  studio.events.subscribe((event) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
    }
  });
}
