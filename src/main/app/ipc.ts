import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/transport.ts';
import type { Studio } from '../studio.ts';
import { APP_ORIGIN } from './protocols.ts';

declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;

/** Only our own top frame may call: not an iframe, not a page that somehow navigated elsewhere. */
function fromOurFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const origin = new URL(frame.url).origin;
  const devOrigin = MAIN_WINDOW_VITE_DEV_SERVER_URL ? new URL(MAIN_WINDOW_VITE_DEV_SERVER_URL).origin : null;
  return origin === APP_ORIGIN || origin === devOrigin;
}

export function registerIpc(studio: Studio): void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, arg: unknown) => {
    if (!fromOurFrame(event)) {
      return { ok: false, error: { code: 'unauthorized', message: 'call from an unknown frame' } };
    }
    return studio.dispatch(String(name), arg, { actor: studio.defaultActor() });
  });
  studio.events.subscribe((event) => {
    for (const contents of webContents.getAllWebContents()) contents.send(IPC_EVENT_CHANNEL, event);
  });
}
