/** Job requests onto the job runner: list, cancel, and wait for one to finish. */
import type { JobManager } from '../services/jobs/index.ts';
import type { DomainHandlers } from './dispatch.ts';

export const jobsApi = ({ jobs }: { jobs: JobManager }): DomainHandlers<'jobs'> => ({
  'job.list': () => jobs.list(),
  'job.cancel': ({ id }) => jobs.cancel(id),
  'job.wait': ({ id }) => jobs.wait(id),
});
