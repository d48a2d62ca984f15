import type { StudioEvent } from '../../shared/events.ts';
import type { ClientFrame, Response, ServerFrame, StudioBridge } from '../../shared/transport.ts';

const RECONNECT_MS = [200, 500, 1000, 2000, 5000];

/**
 * Browser mode: the same calls as `window.studio`, over the bridge's WebSocket. The run's token
 * travels as an HttpOnly cookie set when the page was first opened, so this code never sees it.
 */
export function createWebSocketBridge(endpoint = defaultEndpoint()): StudioBridge {
  const listeners = new Set<(event: StudioEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let connected = false;
  const setConnected = (value: boolean) => {
    if (value === connected) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  };
  const pending = new Map<number, { frame: ClientFrame; resolve: (r: Response) => void }>();
  let nextId = 1;
  let socket: WebSocket;
  let attempts = 0;

  const connect = () => {
    socket = new WebSocket(endpoint);
    socket.onopen = () => {
      attempts = 0;
      setConnected(true);
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
      setConnected(false);
      // Calls in flight are re-sent on reconnect; the studio keeps running meanwhile.
      setTimeout(connect, RECONNECT_MS[Math.min(attempts++, RECONNECT_MS.length - 1)]);
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

function defaultEndpoint(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api`;
}
