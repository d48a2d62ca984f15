import type { StudioEvent } from '../../shared/events.ts';
import type { ClientFrame, ConnectionState, Response, ServerFrame, StudioBridge } from '../../shared/transport.ts';

const RECONNECT_MS = [200, 500, 1000, 2000, 5000];
/** Failed attempts in a row (about half a minute) after which the host is probably not coming back here. */
const UNREACHABLE_AFTER = 10;

/**
 * Browser mode: the same calls as `window.studio`, over the bridge's WebSocket. The run's token
 * travels as an HttpOnly cookie set when the page was first opened, so this code never sees it.
 * A host restarted with a new token answers this tab's old one with 403: that is told apart from
 * a host that is down (the screen then says how to get the new address rather than "reconnecting").
 * It keeps trying meanwhile, slowly: opening the new address in another tab sets the new token's
 * cookie for this host, and this tab comes back by itself if the port is the same.
 */
export function createWebSocketBridge(endpoint = defaultEndpoint()): StudioBridge {
  const listeners = new Set<(event: StudioEvent) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'reconnecting';
  const setState = (value: ConnectionState) => {
    if (value === state) return;
    state = value;
    for (const listener of connectionListeners) listener(value);
  };
  const pending = new Map<number, { frame: ClientFrame; resolve: (r: Response) => void }>();
  let nextId = 1;
  let socket: WebSocket;
  let attempts = 0;

  const connect = () => {
    let opened = false;
    socket = new WebSocket(endpoint);
    socket.onopen = () => {
      opened = true;
      attempts = 0;
      setState('connected');
      for (const { frame } of pending.values()) socket.send(JSON.stringify(frame));
    };
    socket.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as ServerFrame;
      if (frame.type === 'event') {
        for (const listener of listeners) listener(frame.event);
      } else {
        pending.get(frame.id)?.resolve(frame.response);
        pending.delete(frame.id);
      }
    };
    socket.onclose = () => {
      // Calls in flight are re-sent on reconnect; the studio keeps running meanwhile.
      const retry = () => setTimeout(connect, RECONNECT_MS[Math.min(attempts++, RECONNECT_MS.length - 1)]);
      if (opened) {
        setState('reconnecting');
        retry();
        return;
      }
      // A refused upgrade looks like any other failure to a WebSocket: ask the host plainly.
      void hostRefusesToken().then((refused) => {
        setState(refused ? 'refused' : attempts >= UNREACHABLE_AFTER ? 'unreachable' : 'reconnecting');
        retry();
      });
    };
  };
  connect();

  return {
    call(name, arg) {
      const frame: ClientFrame = { type: 'call', id: nextId++, name, arg };
      return new Promise<Response>((resolve) => {
        pending.set(frame.id, { frame, resolve });
        if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}

/** True when a host answers on this address but refuses this tab's token (it restarted). */
async function hostRefusesToken(): Promise<boolean> {
  try {
    const response = await fetch(`${location.origin}/`, { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' });
    return response.status === 403;
  } catch {
    return false; // nothing answers: the host is down (or moved to another port)
  }
}

function defaultEndpoint(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api`;
}
