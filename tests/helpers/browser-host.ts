import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  process: ChildProcess;
  /** Graceful stop (SIGTERM), as when the user closes the studio. */
  stop(): Promise<void>;
  /** kill -9: a crash or a power cut. */
  kill(): Promise<void>;
}

/**
 * Starts the browser-mode host (`.vite/cli/web.js`, built from `src/main/bridge/start.ts`: what
 * `npm run web` runs) as a child process on `dataDir`, and waits for the line announcing its address.
 * The screen must already be built (`npm test` builds it first); the host is brought up to date by
 * the tests' global setup (build-cli-setup.ts).
 */
export function startHost(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  as: { uid?: number; gid?: number } = {},
  /** Node's arguments: the built host by default; the benchmark also starts `scripts/web.mjs` and the tsx sources. */
  nodeArgs: string[] = ['.vite/cli/web.js'],
): Promise<RunningHost> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    ...as,
    env: { ...process.env, STUDIO_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time:\n${output}`)), 30_000);
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('{"studioBridge"'));
      if (!line) return;
      clearTimeout(timer);
      const { url, port, token } = JSON.parse(line).studioBridge;
      resolve({
        url,
        port,
        token,
        dataDir,
        process: child,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
        async kill() {
          if (child.exitCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
}

/** Flags that keep Debian's Chromium from reaching for a network this machine does not have. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-gpu',
  '--disable-dev-shm-usage',
];

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}
