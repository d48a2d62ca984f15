import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { JobInfo } from '../../../shared/domain.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { StudioEvents } from '../../../shared/events.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export interface JobSpec<I, R> {
  kind: string;
  title: string;
  /** URL of a module that calls defineJobWorker; it runs in its own process. */
  worker: URL;
  input: I;
  /** Runs on the main thread with the worker's result (e.g. to record it in the database). */
  finish?: (result: R) => unknown;
}

type Emit = <N extends 'job.progress' | 'job.finished'>(name: N, payload: StudioEvents[N]) => void;

const BOOTSTRAP = fileURLToPath(new URL('./process-bootstrap.mjs', import.meta.url));
/** A job that ignores a cancel this long is stopped by force. */
const CANCEL_GRACE_MS = 2000;
const HISTORY_LIMIT = 100;

interface Running {
  info: JobInfo;
  cancelFile: string;
  child: ChildProcess;
  settled: Promise<JobInfo>;
  cancelRequested: boolean;
}

/**
 * Runs long work off the main thread: each job has an id, progress events, cancel and a final
 * result or error.
 *
 * Each job runs in its own child process, not a worker thread: a thread shares the process, and
 * a V8 fatal error in it (an array grown past V8's limit — what a 4 Hz WAV did to the loudness
 * meter), a native crash or an abort ends the whole host. A process that dies, whatever the
 * cause (abort, out of memory, exit, uncaught exception, killed), fails its job with
 * `worker_crashed` and nothing else. Spawning costs tens of milliseconds, small beside the work
 * that goes into jobs.
 */
export class JobManager {
  private readonly jobs = new Map<string, Running>();

  constructor(private readonly emit: Emit) {}

  start<I, R>(spec: JobSpec<I, R>): JobInfo {
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
    const child = fork(BOOTSTRAP, [resolveWorkerEntry(spec.worker)], {
      // Inside Electron, execPath is the app binary: run it as plain Node. No inherited flags
      // (a test runner's loaders, an inspector port): the bootstrap sets up what the job needs.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const cancelFile = path.join(os.tmpdir(), `studio-job-${info.id}.cancel`);
    const running: Running = { info, cancelFile, child, settled: undefined as unknown as Promise<JobInfo>, cancelRequested: false };
    running.settled = new Promise<JobInfo>((resolve) => {
      let outcome: FromWorker | null = null;
      child.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          send(child, { type: 'start', input: spec.input, cancelFile });
        } else if (message.type === 'progress') {
          if (info.state !== 'running') return;
          info.progress = message.progress;
          info.message = message.message;
          this.emit('job.progress', { ...info });
        } else {
          outcome = message;
        }
      });
      let settling = false;
      const settleOnce = (last: FromWorker | null, exitCode: number | null, signal: NodeJS.Signals | null) => {
        if (settling) return;
        settling = true;
        void this.settle(running, spec, last, exitCode, signal).then(resolve);
      };
      // A process that could not be started emits 'error', and 'exit' may follow or not.
      child.on('error', (error) => {
        if (child.pid === undefined) settleOnce({ type: 'error', error: { code: 'worker_crashed', message: `the job could not start: ${error.message}` } }, null, null);
      });
      // 'close', not 'exit': 'exit' can come before the last messages have been read.
      child.on('close', (exitCode, signal) => settleOnce(outcome, exitCode, signal));
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
      try {
        fs.writeFileSync(job.cancelFile, '');
      } catch {
        // The message below still reaches a job that awaits; the kill, one that does not.
      }
      send(job.child, { type: 'cancel' });
      setTimeout(() => job.child.kill('SIGKILL'), CANCEL_GRACE_MS).unref();
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

  /** Stops every running job (their processes are killed) and waits for them to be settled. */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.info.state === 'running');
    for (const job of running) job.child.kill('SIGKILL');
    await Promise.all(running.map((job) => job.settled));
  }

  private async settle<I, R>(running: Running, spec: JobSpec<I, R>, outcome: FromWorker | null, exitCode: number | null, signal: NodeJS.Signals | null) {
    const { info, cancelRequested } = running;
    fs.rmSync(running.cancelFile, { force: true });
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
      info.error = { code: 'worker_crashed', message: `the job's process stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${exitCode}`})` };
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

/** Sends to a job's process unless it is already gone (its exit settles the job). */
function send(child: ChildProcess, message: ToWorker): void {
  if (!child.connected) return;
  try {
    child.send(message, (error) => {
      if (error) child.kill('SIGKILL');
    });
  } catch {
    child.kill('SIGKILL');
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
