/**
 * Runs a built main.js under plain Node with the recording stand-in for `electron`
 * (stand-in/electron.mjs, put in by a loader hook), and talks to it: what the shell recorded,
 * what it sent to its windows, and commands that reach its protocol, IPC and permission handlers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Recorded {
  api: string;
  detail: Record<string, unknown>;
}

export interface RunningApp {
  records: Recorded[];
  /** Everything the shell sent to a window's webContents. */
  sent: Array<{ channel: string; payload: unknown }>;
  command<T = unknown>(name: string, arg?: unknown): Promise<T>;
  /** Resolves with the first record or sent message that satisfies `test`. */
  waitFor<T>(test: () => T | undefined, what: string, timeoutMs?: number): Promise<T>;
  exited: Promise<number | null>;
  kill(): void;
  output(): string;
}

export function runApp(appDir: string, env: Record<string, string>): RunningApp {
  const { STUDIO_DATA_DIR: _ignored, STUDIO_MODELS_DIR: _ignoredToo, ...inherited } = process.env;
  let output = '';
  const child: ChildProcess = fork(path.join(appDir, '.vite/build/main.js'), [], {
    cwd: appDir,
    execArgv: ['--import', path.join(import.meta.dirname, 'stand-in/register.mjs')],
    env: { ...inherited, ...env },
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const records: Recorded[] = [];
  const sent: RunningApp['sent'] = [];
  const replies = new Map<number, (reply: { ok: boolean; result?: unknown; error?: string }) => void>();
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    waiters.forEach((wake) => wake());
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  child.on('message', (message: { type: string } & Record<string, unknown>) => {
    if (message.type === 'record') records.push({ api: message.api as string, detail: message.detail as Record<string, unknown> });
    else if (message.type === 'sent') sent.push({ channel: message.channel as string, payload: message.payload });
    else if (message.type === 'reply') replies.get(message.id as number)?.(message as never);
    waiters.forEach((wake) => wake());
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    waiters.forEach((wake) => wake());
    resolve(code);
  }));
  let nextId = 1;
  return {
    records,
    sent,
    exited,
    output: () => output,
    kill: () => void child.kill('SIGKILL'),
    command<T>(name: string, arg?: unknown): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        replies.set(id, (reply) => (reply.ok ? resolve(reply.result as T) : reject(new Error(reply.error))));
        child.send({ type: 'command', id, name, arg });
      });
    },
    waitFor<T>(test: () => T | undefined, what: string, timeoutMs = 300_000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = test();
          if (found !== undefined) return done(() => resolve(found));
          if (child.exitCode !== null) done(() => reject(new Error(`the app exited (${child.exitCode}) before ${what}\n${output}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${what}\n${output}`))), timeoutMs);
        const done = (fn: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          fn();
        };
        waiters.add(check);
        check();
      });
    },
  };
}
