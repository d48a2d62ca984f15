/**
 * Waiting for a job from outside the main process (the CLI, the screen): one request,
 * `job.wait`, answers when the job has finished; its result comes back typed by the job's kind.
 */
import { type ErrorPayload } from '../errors.ts';
import type { Arg, RequestName, Result } from './index.ts';
import { isJobOf, type JobInfo, type JobKind, type JobResults } from './jobs.ts';

export type Caller = <N extends RequestName>(name: N, arg: Arg<N>) => Promise<Result<N>>;

/** What a failed job said, as the error payload its caller throws. */
export const jobFailure = (done: JobInfo): ErrorPayload =>
  done.error ?? (done.state === 'cancelled' ? { code: 'cancelled', message: 'cancelled' } : { code: 'internal', message: `job ended ${done.state}` });

/** The job's result once it has finished; `fail` turns a failure into the caller's own error. */
export async function awaitJob<K extends JobKind>(call: Caller, job: JobInfo<K>, fail: (error: ErrorPayload) => Error): Promise<JobResults[K]> {
  const done = await call('job.wait', { id: job.id });
  if (isJobOf(done, job.kind) && done.state === 'done' && done.result !== undefined) return done.result;
  throw fail(jobFailure(done));
}
