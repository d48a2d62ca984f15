import { awaitJob } from '../../shared/api/job-result.ts';
import type { JobInfo, JobKind, JobResults } from '../../shared/api/jobs.ts';
import { api, ApiError } from './client.ts';

/** Resolves with a job's result once it finishes, typed by its kind; rejects with its error (or on cancel). */
export const waitForJob = <K extends JobKind>(job: JobInfo<K>): Promise<JobResults[K]> =>
  awaitJob((name, arg) => api.call(name, arg), job, (error) => new ApiError(error));
