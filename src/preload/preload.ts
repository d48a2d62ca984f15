/**
 * The only bridge between the sandboxed screen and the main process. It exposes calls (only for
 * the request names of the contract), events, and the path of a file the user dropped.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { StudioEvent } from '../shared/events.ts';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Response } from '../shared/transport.ts';

/** The request map's names, put in by vite.preload.config.ts (the preload carries no schemas). */
declare const __STUDIO_REQUEST_NAMES__: readonly string[];

const allowed = new Set<string>(__STUDIO_REQUEST_NAMES__);

contextBridge.exposeInMainWorld('studio', {
  mediaBase: 'studio-media://media/',
  call(name: string, arg: unknown): Promise<Response> {
    if (!allowed.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_request', message: `no request named "${name}"` } });
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, name, arg);
  },
  /** A dropped File's path: the sandboxed screen cannot see it, and the studio imports by path. */
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  onEvent(listener: (event: StudioEvent) => void): () => void {
    const handler = (_: unknown, event: StudioEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
});
