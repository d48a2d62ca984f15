/**
 * Jobs: long work in its own process, with progress events, cancel and a typed result. The
 * manager side (start, wait, cancel) serves the other services; the worker side
 * (`defineJobWorker`, the child links) is what their worker modules are written with.
 */
import type { StudioEvents } from '../../../shared/events.ts';
import { forkChild, type ChildLauncher } from './child-link.ts';
import { JobManager } from './job-manager.ts';

export { JobManager, resultOf, type JobSpec, type TaskSpec } from './job-manager.ts';
export { defineJobWorker, type JobTools } from './worker-runtime.ts';
export { workerPath, workerUrl, builtWorkerName } from './worker-files.ts';
export { forkChild, hostChildren, startChild, type ChildLauncher, type ChildLink } from './child-link.ts';
export { parentChannel } from './child-parent.ts';
export { processAlive } from './process-alive.ts';
export { sweepTemporaries } from './sweep-temporaries.ts';

export interface JobsDeps {
  emit: <N extends 'job.progress' | 'job.finished'>(name: N, payload: StudioEvents[N]) => void;
  /** How a job's process is started: a Node fork, or an Electron utility process in the app. */
  launch?: ChildLauncher;
}

export const createJobs = ({ emit, launch }: JobsDeps): JobManager => new JobManager(emit, launch ?? forkChild);
