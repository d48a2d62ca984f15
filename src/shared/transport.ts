/** Wire shapes shared by the IPC and WebSocket transports. */
import type { ErrorPayload } from './errors.ts';
import type { StudioEvent } from './events.ts';

export type Response<R = unknown> = { ok: true; result: R } | { ok: false; error: ErrorPayload };

/** WebSocket frames: a call from the screen, its reply, or a pushed event. */
export type ClientFrame = { type: 'call'; id: number; name: string; arg: unknown };
export type ServerFrame =
  | { type: 'reply'; id: number; response: Response }
  | { type: 'event'; event: StudioEvent };

/** The surface the preload exposes as `window.studio`, and the bridge client imitates. */
/**
 * Browser mode's link to its host: connected; lost and being retried; lost for long enough that
 * the host has probably stopped or restarted on another address (`unreachable`); or answered but
 * refused, because the host restarted and this tab's per-run token is dead (`refused`).
 */
export type ConnectionState = 'connected' | 'reconnecting' | 'unreachable' | 'refused';

export interface StudioBridge {
  call(name: string, arg: unknown): Promise<Response>;
  onEvent(listener: (event: StudioEvent) => void): () => void;
  /** Browser mode only: how the link to the host stands, each time that changes. */
  onConnection?(listener: (state: ConnectionState) => void): () => void;
}

export const IPC_CALL_CHANNEL = 'studio:call';
export const IPC_EVENT_CHANNEL = 'studio:event';
