import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isJobOf, MAX_RUNNING_JOBS, type JobInfo, type JobKind, type JobResults } from '../../../shared/api/jobs.ts';
import { StudioError, type ErrorPayload } from '../../../shared/errors.ts';
import type { StudioEvents } from '../../../shared/events.ts';
import { childHost, forkChild, type ChildLauncher, type ChildLink } from './child-link.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { workerPath } from './worker-files.ts';

/**
 * One job to start. `W` is what the worker returns; without `finish` it is the kind's declared
 * result, with it `finish` turns it into that result on the main thread.
 */
export interface JobSpec<K extends JobKind, I, W = JobResults[K]> {
  kind: K;
  /** What the job works on (a file name, a title): shown beside the kind's name, never a sentence. */
  subject?: string;
  /** URL of a module that calls defineJobWorker (from workerUrl); it runs in its own process. */
  worker: URL;
  input: I;
  /** Runs on the main thread with the worker's result (e.g. to record it in the database). */
  finish?: (result: W) => JobResults[K] | Promise<JobResults[K]>;
}

/**
 * Work that must run in the main process itself but is a job to the user (progress, cancel, a
 * result in the jobs panel): an update download, which electron-updater performs in Electron's
 * main process. `run` reports progress 0..1 and stops when `signal` aborts.
 */
export interface TaskSpec<K extends JobKind> {
  kind: K;
  subject?: string;
  run: (report: (progress: number | null, message: string) => void, signal: AbortSignal) => Promise<JobResults[K]>;
}

type Emit = <N extends 'job.progress' | 'job.finished'>(name: N, payload: StudioEvents[N]) => void;

const BOOTSTRAP = workerPath('jobs/process-bootstrap.mjs');
/** A job that ignores a cancel this long is stopped by force. */
const CANCEL_GRACE_MS = 2000;
const HISTORY_LIMIT = 100;

interface Running {
  info: JobInfo;
  cancelFile: string;
  child: ChildLink;
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
 *
 * The processes are started with the platform's launcher: a Node fork from sources (browser mode,
 * the CLI, the tests), an Electron utility process in the app, where the binary cannot run as
 * Node. A job that needs a child of its own (the ONNX engine) asks the manager, which starts it
 * with the same launcher (child-link.ts).
 */
export class JobManager {
  private readonly jobs = new Map<string, Running>();

  constructor(
    private readonly emit: Emit,
    private readonly launch: ChildLauncher = forkChild,
  ) {}

  start<K extends JobKind, I, W = JobResults[K]>(spec: JobSpec<K, I, W>): JobInfo<K> {
    const info = this.newInfo(spec.kind, spec.subject);
    const child = this.launch(BOOTSTRAP, { STUDIO_JOB_ENTRY: spec.worker.href });
    const cancelFile = path.join(os.tmpdir(), `studio-job-${info.id}.cancel`);
    let settle!: (info: JobInfo) => void;
    const running: Running = { info, cancelFile, child, settled: new Promise<JobInfo>((resolve) => (settle = resolve)), cancelRequested: false };
    // Children the job asks for (its ONNX engine) live no longer than the job.
    const host = childHost(this.launch, (message) => send(child, { type: 'host', message }));
    {
      let outcome: FromWorker | null = null;
      child.onMessage((raw) => {
        const message = raw as FromWorker;
        if (message.type === 'ready') {
          send(child, { type: 'start', input: spec.input, cancelFile });
        } else if (message.type === 'host') {
          host.handle(message.request);
        } else if (message.type === 'progress') {
          if (info.state !== 'running') return;
          info.progress = message.progress;
          info.message = message.message;
          this.emit('job.progress', { ...info });
        } else if (!outcome) {
          // The answer is in: end the process (a utility process does not end by itself).
          outcome = message;
          child.kill();
        }
      });
      child.onExit((description) => {
        host.close();
        void this.settle(running, info, spec, outcome, description).then(settle);
      });
    }
    this.jobs.set(info.id, running);
    this.prune();
    this.emit('job.progress', { ...info });
    return { ...info };
  }

  /** Runs `spec.run` in this process as a job (see TaskSpec); cancel aborts its signal. */
  startTask<K extends JobKind>(spec: TaskSpec<K>): JobInfo<K> {
    const info = this.newInfo(spec.kind, spec.subject);
    const controller = new AbortController();
    let cancelRequested = false;
    const child: ChildLink = {
      send: () => undefined,
      onMessage: () => undefined,
      onExit: () => undefined,
      kill: () => {
        cancelRequested = true;
        controller.abort();
      },
    };
    const report = (progress: number | null, message: string) => {
      if (info.state !== 'running') return;
      info.progress = progress;
      info.message = message;
      this.emit('job.progress', { ...info });
    };
    // Listed and announced before `run` starts: its first report must not come before the job exists.
    // No cancel file: cancel() aborts a task through kill() at once.
    let settle!: (info: JobInfo) => void;
    this.jobs.set(info.id, { info, cancelFile: '', child, settled: new Promise<JobInfo>((resolve) => (settle = resolve)), cancelRequested: false });
    this.prune();
    this.emit('job.progress', { ...info });
    void (async (): Promise<void> => {
      try {
        const result = await spec.run(report, controller.signal);
        if (cancelRequested) throw new StudioError('cancelled', 'cancelled by the user');
        info.result = result;
        info.state = 'done';
        info.progress = 1;
      } catch (error) {
        const typed = toJobError(error);
        info.state = cancelRequested || typed.code === 'cancelled' ? 'cancelled' : 'failed';
        info.error = info.state === 'cancelled' ? { code: 'cancelled', message: 'cancelled by the user' } : typed;
      }
      info.finishedAt = new Date().toISOString();
      this.emit('job.finished', { ...info });
      settle(info);
    })();
    return { ...info };
  }

  private newInfo<K extends JobKind>(kind: K, subject = ''): JobInfo<K> {
    // Each job is a process with its own heap: without a cap a client could start thousands.
    const active = [...this.jobs.values()].filter((job) => job.info.state === 'running').length;
    if (active >= MAX_RUNNING_JOBS) {
      throw new StudioError('busy', `${active} jobs are running; at most ${MAX_RUNNING_JOBS} at once`, { max: MAX_RUNNING_JOBS });
    }
    return { id: randomUUID(), kind, subject, state: 'running', progress: 0, message: '', startedAt: new Date().toISOString(), finishedAt: null };
  }

  cancel(id: string): JobInfo {
    const job = this.jobs.get(id);
    if (!job) throw new StudioError('not_found', `job ${id}`);
    if (job.info.state === 'running' && !job.cancelFile) {
      job.child.kill(); // an in-process task: its signal aborts at once
    } else if (job.info.state === 'running') {
      job.cancelRequested = true;
      try {
        fs.writeFileSync(job.cancelFile, '');
      } catch {
        // The message below still reaches a job that awaits; the kill, one that does not.
      }
      send(job.child, { type: 'cancel' });
      setTimeout(() => job.child.kill(), CANCEL_GRACE_MS).unref();
    }
    return { ...job.info };
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((job) => ({ ...job.info })).reverse();
  }

  /**
   * The job's result once it has finished; its error (a cancel included) is thrown as a
   * StudioError. The one way anything in main waits for a job (the CLI and the screen use the
   * `job.wait` request, see shared/api/job-result.ts).
   */
  async result<K extends JobKind>(job: JobInfo<K>): Promise<JobResults[K]> {
    return resultOf(await this.wait(job.id), job.kind);
  }

  /** Starts a job and waits for its result. */
  run<K extends JobKind, I, W = JobResults[K]>(spec: JobSpec<K, I, W>): Promise<JobResults[K]> {
    return this.result(this.start(spec));
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
    for (const job of running) job.child.kill();
    await Promise.all(running.map((job) => job.settled));
  }

  private async settle<K extends JobKind, I, W>(running: Running, info: JobInfo<K>, spec: JobSpec<K, I, W>, outcome: FromWorker | null, exitDescription: string) {
    const { cancelRequested } = running;
    fs.rmSync(running.cancelFile, { force: true });
    if (outcome?.type === 'done') {
      try {
        // The worker's answer crossed a process boundary: its type is the spec's word for it.
        const answer = outcome.result as W;
        info.result = spec.finish ? await spec.finish(answer) : (answer as JobResults[K]);
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
      info.error = { code: 'worker_crashed', message: `the job's process stopped unexpectedly (${exitDescription})` };
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

/** Sends to a job's process; one that is gone already is settled by its exit. */
function send(child: ChildLink, message: ToWorker): void {
  try {
    child.send(message);
  } catch {
    child.kill();
  }
}

function toJobError(error: unknown): ErrorPayload {
  if (error instanceof StudioError) return error.toPayload();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** A finished job's result, or its error thrown as a StudioError (with its code and parameters). */
export function resultOf<K extends JobKind>(done: JobInfo, kind: K): JobResults[K] {
  if (isJobOf(done, kind) && done.state === 'done' && done.result !== undefined) return done.result;
  const error = done.error ?? { code: 'internal' as const, message: `job ${done.id} ended ${done.state}` };
  throw new StudioError(error.code, error.message, error.details);
}
