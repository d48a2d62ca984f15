/**
 * The only bridge between the sandboxed screen and the main process. It exposes two functions,
 * and only for the request names of the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
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
  onEvent(listener: (event: StudioEvent) => void): () => void {
    const handler = (_: unknown, event: StudioEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
});
