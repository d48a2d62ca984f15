/**
 * How a job worker reaches the process that runs ONNX work (see onnx-child.ts for why a process).
 *
 * Plain Node (browser mode, the CLI, the tests): the worker forks a Node child itself.
 * Electron: the binary cannot run as plain Node (the RunAsNode fuse is off, rightly), and only the
 * main thread may start an Electron utility process. So the shell installs a host on the main
 * thread (`hostChildren`, given the platform's launcher) and workers ask it over a BroadcastChannel
 * to start the child and pass messages both ways. Either way the worker holds the same ChildLink.
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
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    send: (message) => void child.send(message as never),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code, signal) => listener(signal ?? `exit code ${code}`)),
    kill: () => void child.kill('SIGKILL'),
  };
};

const CHANNEL = 'studio.child-host';
/** Set on the main thread by hostChildren; worker threads inherit it with their copy of process.env. */
const HOST_FLAG = 'STUDIO_CHILD_HOST';

type ToHost =
  | { kind: 'start'; id: string; modulePath: string; env: Record<string, string> }
  | { kind: 'send'; id: string; message: unknown }
  | { kind: 'kill'; id: string };
type FromHost = { kind: 'message'; id: string; message: unknown } | { kind: 'exit'; id: string; description: string };

/**
 * Main thread: start children for the workers with `launch`. Returns a function that stops
 * hosting (children already running are killed).
 */
export function hostChildren(launch: ChildLauncher): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.unref();
  const children = new Map<string, ChildLink>();
  let open = true;
  const reply = (message: FromHost) => open && channel.postMessage(message);
  channel.onmessage = (event) => {
    const request = (event as { data: ToHost | FromHost }).data;
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
  };
  process.env[HOST_FLAG] = '1';
  return () => {
    open = false;
    delete process.env[HOST_FLAG];
    for (const child of children.values()) child.kill();
    channel.close();
  };
}

/** A job worker: the child through the main thread's host where there is one, else a plain fork. */
export function startChild(modulePath: string, env: Record<string, string>): ChildLink {
  return process.env[HOST_FLAG] === '1' ? hostedChild(modulePath, env) : forkChild(modulePath, env);
}

function hostedChild(modulePath: string, env: Record<string, string>): ChildLink {
  const id = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const channel = new BroadcastChannel(CHANNEL);
  const messageListeners: Array<(message: unknown) => void> = [];
  const exitListeners: Array<(description: string) => void> = [];
  channel.onmessage = (event) => {
    const reply = (event as { data: ToHost | FromHost }).data;
    if (!('id' in reply) || reply.id !== id) return;
    if (reply.kind === 'message') messageListeners.forEach((listener) => listener(reply.message));
    else if (reply.kind === 'exit') {
      channel.close();
      exitListeners.forEach((listener) => listener(reply.description));
    }
  };
  const post = (message: ToHost) => channel.postMessage(message);
  post({ kind: 'start', id, modulePath, env });
  return {
    send: (message) => post({ kind: 'send', id, message }),
    onMessage: (listener) => void messageListeners.push(listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => post({ kind: 'kill', id }),
  };
}
