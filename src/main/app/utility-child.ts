import path from 'node:path';
import { utilityProcess } from 'electron';
import type { ChildLauncher } from '../services/jobs/child-link.ts';

/**
 * Child processes in the app are Electron utility processes: the binary cannot run as plain Node
 * (the RunAsNode fuse is off), and a utility process is Node with Electron's asar support.
 */
export const utilityChild: ChildLauncher = (modulePath, env) => {
  const child = utilityProcess.fork(modulePath, [], {
    env: { ...process.env, ...env },
    // As the OS's task manager shows it: 'Studio process-bootstrap' (a job), 'Studio onnx-child-bootstrap'.
    serviceName: `Studio ${path.basename(modulePath, path.extname(modulePath))}`,
    stdio: 'inherit',
  });
  // Messages sent before the process is up wait for it.
  let pending: unknown[] | null = [];
  child.once('spawn', () => {
    for (const message of pending ?? []) child.postMessage(message);
    pending = null;
  });
  return {
    send: (message) => (pending ? pending.push(message) : child.postMessage(message)),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code) => listener(`exit code ${code}`)),
    kill: () => void child.kill(),
  };
};
