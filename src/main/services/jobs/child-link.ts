/**
 * How code off the main thread reaches a child process (the ONNX child, a translation pack's child;
 * see tts/onnx-child.ts for why a process).
 *
 * Plain Node (browser mode, the CLI, the tests): a child is a forked Node process.
 * Electron: the binary cannot run as plain Node (the RunAsNode fuse is off, rightly), and only the
 * main process's main thread may start an Electron utility process. So whoever may launch hosts
 * children for the others (`childHost`): the main thread for worker threads, over a
 * BroadcastChannel (`hostChildren`); the job manager for its job processes, over the job's own
 * channel (`relayChildrenThrough`, see job-manager.ts). Either way the caller holds the same ChildLink.
 */
import { fork } from 'node:child_process';
import { BroadcastChannel } from 'node:worker_threads';

/** A child process that exchanges structured-clone messages with whoever started it. */
export interface ChildLink {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once, when the process has ended. */
  onExit(listener: (description: string) => void): void;
  kill(): void;
}

/** Starts `modulePath` (an ES module file) as a child process with these extra environment variables. */
export type ChildLauncher = (modulePath: string, env: Record<string, string>) => ChildLink;

/** Plain Node: a forked Node process. */
export const forkChild: ChildLauncher = (modulePath, env) => {
  const child = fork(modulePath, [], {
    env: { ...process.env, ...env },
    // No inherited flags (a test runner's loaders, an inspector port): the bootstraps register what they need.
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exitListeners: Array<(description: string) => void> = [];
  let ended = false;
  const end = (description: string) => {
    if (ended) return;
    ended = true;
    exitListeners.forEach((listener) => listener(description));
  };
  // 'close', not 'exit': 'exit' can come before the last IPC messages have been read.
  child.on('close', (code, signal) => end(signal ?? `exit code ${code}`));
  // A process that could not be started emits 'error', and 'close' may follow or not.
  child.on('error', (error) => {
    if (child.pid === undefined) end(`could not start: ${error.message}`);
  });
  return {
    send: (message) => {
      if (!child.connected) return; // gone: its 'close' tells the caller
      try {
        child.send(message as never, (error) => error && child.kill('SIGKILL'));
      } catch {
        child.kill('SIGKILL');
      }
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => void child.kill('SIGKILL'),
  };
};

const CHANNEL = 'studio.child-host';
/** Set on the main thread by hostChildren; worker threads inherit it with their copy of process.env. */
const HOST_FLAG = 'STUDIO_CHILD_HOST';

export type ToHost =
  | { kind: 'start'; id: string; modulePath: string; env: Record<string, string> }
  | { kind: 'send'; id: string; message: unknown }
  | { kind: 'kill'; id: string };
export type FromHost = { kind: 'message'; id: string; message: unknown } | { kind: 'exit'; id: string; description: string };

/**
 * The launching side: starts children with `launch` on request and answers through `reply`.
 * `close` kills the children still running.
 */
export function childHost(launch: ChildLauncher, reply: (message: FromHost) => void): { handle(request: ToHost): void; close(): void } {
  const children = new Map<string, ChildLink>();
  return {
    handle(request) {
      if (request.kind === 'start') {
        const child = launch(request.modulePath, request.env);
        children.set(request.id, child);
        child.onMessage((message) => reply({ kind: 'message', id: request.id, message }));
        child.onExit((description) => {
          children.delete(request.id);
          reply({ kind: 'exit', id: request.id, description });
        });
      } else if (request.kind === 'send') {
        children.get(request.id)?.send(request.message);
      } else if (request.kind === 'kill') {
        children.get(request.id)?.kill();
      }
    },
    close() {
      for (const child of children.values()) child.kill();
      children.clear();
    },
  };
}

/**
 * Main thread: start children for the worker threads with `launch`. Returns a function that stops
 * hosting (children already running are killed).
 */
export function hostChildren(launch: ChildLauncher): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.unref();
  let open = true;
  const host = childHost(launch, (message) => open && channel.postMessage(message));
  channel.onmessage = (event) => {
    const request = (event as { data: ToHost | FromHost }).data;
    if (request.kind === 'start' || request.kind === 'send' || request.kind === 'kill') host.handle(request);
  };
  process.env[HOST_FLAG] = '1';
  return () => {
    open = false;
    delete process.env[HOST_FLAG];
    host.close();
    channel.close();
  };
}

/** Where a job process sends its requests (set by relayChildrenThrough), and who hears the answers. */
let relay: { post: (request: ToHost) => void; listeners: Set<(message: FromHost) => void> } | null = null;

/**
 * A job process: children it needs are started by the job manager (which holds the platform's
 * launcher) and reached through `post`, the job's own channel. Returns where the manager's
 * answers go.
 */
export function relayChildrenThrough(post: (request: ToHost) => void): (message: FromHost) => void {
  const listeners = new Set<(message: FromHost) => void>();
  relay = { post, listeners };
  return (message) => listeners.forEach((listener) => listener(message));
}

/** The child through the job manager in a job process, the main thread's host in an Electron worker thread, else a plain fork. */
export function startChild(modulePath: string, env: Record<string, string>): ChildLink {
  if (relay) {
    const { post, listeners } = relay;
    return hostedChild(modulePath, env, {
      post,
      listen: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
  }
  if (process.env[HOST_FLAG] !== '1') return forkChild(modulePath, env);
  const channel = new BroadcastChannel(CHANNEL);
  return hostedChild(modulePath, env, {
    post: (request) => channel.postMessage(request),
    listen: (listener) => {
      channel.onmessage = (event) => listener((event as { data: FromHost }).data);
      return () => channel.close();
    },
  });
}

interface HostTransport {
  post(request: ToHost): void;
  /** Hears every answer of the host (for all children); returns how to stop. */
  listen(listener: (message: FromHost) => void): () => void;
}

function hostedChild(modulePath: string, env: Record<string, string>, transport: HostTransport): ChildLink {
  const id = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const messageListeners: Array<(message: unknown) => void> = [];
  const exitListeners: Array<(description: string) => void> = [];
  const stop = transport.listen((reply) => {
    if (!('id' in reply) || reply.id !== id) return;
    if (reply.kind === 'message') messageListeners.forEach((listener) => listener(reply.message));
    else if (reply.kind === 'exit') {
      stop();
      exitListeners.forEach((listener) => listener(reply.description));
    }
  });
  transport.post({ kind: 'start', id, modulePath, env });
  return {
    send: (message) => transport.post({ kind: 'send', id, message }),
    onMessage: (listener) => void messageListeners.push(listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => transport.post({ kind: 'kill', id }),
  };
}
