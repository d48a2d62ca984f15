import { awaitJob } from '../../shared/api/job-result.ts';
import type { JobInfo, JobKind, JobResults } from '../../shared/api/jobs.ts';
import { api, ApiError } from './client.ts';

/**
 * Resolves with a job's result once it finishes, typed by its kind; rejects with its error (or on
 * cancel). `onProgress` follows the job's progress (0..1) meanwhile.
 */
export async function waitForJob<K extends JobKind>(job: JobInfo<K>, onProgress?: (fraction: number) => void): Promise<JobResults[K]> {
  const stop = onProgress ? api.onEvent('job.progress', (info) => info.id === job.id && onProgress(info.progress ?? 0)) : undefined;
  try {
    return await awaitJob((name, arg) => api.call(name, arg), job, (error) => new ApiError(error));
  } finally {
    stop?.();
  }
}

