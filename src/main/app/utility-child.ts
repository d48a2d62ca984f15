import path from 'node:path';
import { utilityProcess } from 'electron';
import type { ChildLauncher } from '../services/jobs/index.ts';

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
  // Messages sent before the process is up wait for it; those sent after it ended are dropped
  // (a job's child can end after the job, and its exit notice has nowhere to go).
  let pending: unknown[] | null = [];
  let ended = false;
  child.once('exit', () => (ended = true));
  child.once('spawn', () => {
    for (const message of pending ?? []) if (!ended) child.postMessage(message);
    pending = null;
  });
  return {
    send: (message) => {
      if (ended) return;
      if (pending) pending.push(message);
      else child.postMessage(message);
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code) => listener(`exit code ${code}`)),
    kill: () => void child.kill(),
  };
};
