import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MAX_RUNNING_JOBS, type JobInfo } from '../../../shared/domain.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { StudioEvents } from '../../../shared/events.ts';
import type { FromWorker, WorkerStart } from './protocol.ts';
import { workerUrl } from './worker-files.ts';

export interface JobSpec<I, R> {
  kind: string;
  title: string;
  /** URL of a module that calls defineJobWorker. */
  worker: URL;
  input: I;
  /** Runs on the main thread with the worker's result (e.g. to record it in the database). */
  finish?: (result: R) => unknown;
}

type Emit = <N extends 'job.progress' | 'job.finished'>(name: N, payload: StudioEvents[N]) => void;

const BOOTSTRAP = workerUrl('jobs/worker-bootstrap.mjs');
/** A worker that ignores a cancel this long is stopped by force. */
const CANCEL_GRACE_MS = 2000;
const HISTORY_LIMIT = 100;

interface Running {
  info: JobInfo;
  worker: Worker;
  settled: Promise<JobInfo>;
  cancelRequested: boolean;
}

/**
 * Runs long work in worker threads: each job has an id, progress events, cancel and a final
 * result or error. A worker that crashes fails its job and nothing else.
 */
export class JobManager {
  private readonly jobs = new Map<string, Running>();

  constructor(private readonly emit: Emit) {}

  start<I, R>(spec: JobSpec<I, R>): JobInfo {
    // Each job is a worker thread with its own heap: without a cap a client could start thousands.
    const active = [...this.jobs.values()].filter((job) => job.info.state === 'running').length;
    if (active >= MAX_RUNNING_JOBS) {
      throw new StudioError('busy', `${active} jobs are running; at most ${MAX_RUNNING_JOBS} at once`, { max: MAX_RUNNING_JOBS });
    }
    const info: JobInfo = {
      id: randomUUID(),
      kind: spec.kind,
      title: spec.title,
      state: 'running',
      progress: 0,
      message: '',
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    const workerData: WorkerStart<I> = { entry: resolveWorkerEntry(spec.worker), input: spec.input };
    const worker = new Worker(fileURLToPath(BOOTSTRAP), { workerData });
    const running: Running = { info, worker, settled: undefined as unknown as Promise<JobInfo>, cancelRequested: false };
    running.settled = new Promise<JobInfo>((resolve) => {
      let outcome: FromWorker | null = null;
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'progress') {
          if (info.state !== 'running') return;
          info.progress = message.progress;
          info.message = message.message;
          this.emit('job.progress', { ...info });
        } else {
          outcome = message;
        }
      });
      worker.on('error', (error) => {
        outcome ??= { type: 'error', error: { code: 'internal', message: error.message } };
      });
      worker.on('exit', (exitCode) => {
        void this.settle(running, spec, outcome, exitCode).then(resolve);
      });
    });
    this.jobs.set(info.id, running);
    this.prune();
    this.emit('job.progress', { ...info });
    return { ...info };
  }

  cancel(id: string): JobInfo {
    const job = this.jobs.get(id);
    if (!job) throw new StudioError('not_found', `job ${id}`);
    if (job.info.state === 'running') {
      job.cancelRequested = true;
      job.worker.postMessage({ type: 'cancel' });
      setTimeout(() => void job.worker.terminate(), CANCEL_GRACE_MS).unref();
    }
    return { ...job.info };
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((job) => ({ ...job.info })).reverse();
  }

  /** Resolves when the job has finished, whichever way. */
  async wait(id: string): Promise<JobInfo> {
    const job = this.jobs.get(id);
    if (!job) throw new StudioError('not_found', `job ${id}`);
    return { ...(await job.settled) };
  }

  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.worker.terminate()));
  }

  private async settle<I, R>({ info, cancelRequested }: Running, spec: JobSpec<I, R>, outcome: FromWorker | null, exitCode: number) {
    if (outcome?.type === 'done') {
      try {
        info.result = spec.finish ? await spec.finish(outcome.result as R) : outcome.result;
        info.state = 'done';
        info.progress = 1;
      } catch (error) {
        info.state = 'failed';
        info.error = toJobError(error);
      }
    } else if (cancelRequested || (outcome?.type === 'error' && outcome.error.code === 'cancelled')) {
      // Whatever the worker said last, or if it had to be stopped by force: the user cancelled.
      info.state = 'cancelled';
      info.error = { code: 'cancelled', message: 'cancelled by the user' };
    } else if (outcome?.type === 'error') {
      info.state = 'failed';
      info.error = outcome.error;
    } else {
      info.state = 'failed';
      info.error = { code: 'internal', message: `the job's worker stopped unexpectedly (exit code ${exitCode})` };
    }
    info.finishedAt = new Date().toISOString();
    this.emit('job.finished', { ...info });
    return info;
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((job) => job.info.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - HISTORY_LIMIT))) this.jobs.delete(job.info.id);
  }
}

function toJobError(error: unknown): { code: string; message: string } {
  if (error instanceof StudioError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** From sources the worker is a .ts file; in a packaged build it is a .js file beside main.js. */
function resolveWorkerEntry(url: URL): string {
  const file = fileURLToPath(url);
  if (fs.existsSync(file)) return url.href;
  const built = file.replace(/\.ts$/, '.js');
  return fs.existsSync(built) ? pathToFileURL(built).href : url.href;
}
