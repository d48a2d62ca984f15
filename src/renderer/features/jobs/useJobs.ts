import { useEffect, useState } from 'react';
import { isUserJob, type JobInfo } from '../../../shared/api/jobs.ts';
import { api } from '../../api/client.ts';
import { useStudioEvent } from '../../api/hooks.ts';

/**
 * The user's jobs (not the studio's internal ones, see INTERNAL_JOB_KINDS), newest first, kept
 * current by the job.* events.
 */
export function useJobs(): JobInfo[] {
  const [jobs, setJobs] = useState<JobInfo[]>([]);

  useEffect(() => {
    api.call('job.list', {}).then((all) => setJobs(all.filter(isUserJob)), () => undefined);
  }, []);

  const upsert = (job: JobInfo) =>
    isUserJob(job) &&
    setJobs((current) => [job, ...current.filter((j) => j.id !== job.id)].sort((a, b) => b.startedAt.localeCompare(a.startedAt)));
  useStudioEvent('job.progress', upsert);
  useStudioEvent('job.finished', upsert);
  return jobs;
}
