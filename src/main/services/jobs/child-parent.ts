/**
 * The child process's side of its link to whoever started it (child-link.ts): Electron's
 * `process.parentPort` in a utility process, Node's IPC channel in a forked Node process.
 * Shared by every child process: job processes (process-bootstrap.mjs) and the ONNX children
 * (speech, translation packs).
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
  /** Electron's port holds messages until started (a 'message' listener may start it too). */
  start?(): void;
}

export interface ParentChannel<In, Out> {
  send(message: Out): void;
  listen(listener: (message: In) => void): void;
  /** A plain Node child may leave by itself once its IPC channel is flushed; a utility process is ended by its parent. */
  leave(): void;
}

export function parentChannel<In, Out>(): ParentChannel<In, Out> {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      listen: (listener) => {
        parentPort.on('message', (e) => listener(e.data as In));
        parentPort.start?.();
      },
      leave: () => undefined,
    };
  }
  return {
    send: (message) => void process.send!(message),
    listen: (listener) => void process.on('message', listener as (m: unknown) => void),
    leave: () => {
      process.disconnect();
      setImmediate(() => process.exit(0));
    },
  };
}
