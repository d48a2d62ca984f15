import type { Arg, RequestName, Result } from '../../shared/api/index.ts';
import type { ErrorPayload } from '../../shared/errors.ts';
import type { EventName, StudioEvents } from '../../shared/events.ts';
import type { ConnectionState, StudioBridge } from '../../shared/transport.ts';
import { createWebSocketBridge } from './ws-bridge.ts';

declare global {
  interface Window {
    /** Present in the Electron shell (see src/preload); absent in browser mode. */
    studio?: StudioBridge & {
      mediaBase: string;
      /** A dropped or chosen File's path on disk (Electron's webUtils; the sandbox hides it otherwise). */
      pathForFile?: (file: File) => string;
    };
  }
}

export class ApiError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
  }
}

/** The screen's only way to the studio; it cannot tell Electron from browser mode. */
export interface Api {
  call<N extends RequestName>(name: N, arg: Arg<N>): Promise<Result<N>>;
  onEvent<E extends EventName>(name: E, listener: (payload: StudioEvents[E]) => void): () => void;
  /** URL for a file under one of the data directory's media folders, e.g. `assets/…wav`. */
  mediaUrl(relativePath: string): string;
  /** Tells when the link to the studio drops and returns (browser mode; Electron never drops). */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

function createApi(): Api {
  const bridge: StudioBridge = window.studio ?? createWebSocketBridge();
  const mediaBase = window.studio?.mediaBase ?? `${location.origin}/media/`;
  return {
    async call(name, arg) {
      const response = await bridge.call(name, arg);
      if (!response.ok) throw new ApiError(response.error);
      return response.result as never;
    },
    onEvent(name, listener) {
      return bridge.onEvent((event) => {
        if (event.name === name) listener(event.payload as never);
      });
    },
    onConnection: (listener) => bridge.onConnection?.(listener) ?? (() => undefined),
    mediaUrl: (relativePath) => mediaBase + relativePath.split('/').map(encodeURIComponent).join('/'),
  };
}

export const api: Api = createApi();
