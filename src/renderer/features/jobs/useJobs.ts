import { useEffect, useState } from 'react';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { api } from '../../api/client.ts';
import { useStudioEvent } from '../../api/hooks.ts';

/** Every job the studio knows of, newest first, kept current by the job.* events. */
export function useJobs(onFailure?: (job: JobInfo) => void): JobInfo[] {
  const [jobs, setJobs] = useState<JobInfo[]>([]);

  useEffect(() => {
    api.call('job.list', {}).then(setJobs, () => undefined);
  }, []);

  const upsert = (job: JobInfo) =>
    setJobs((current) => [job, ...current.filter((j) => j.id !== job.id)].sort((a, b) => b.startedAt.localeCompare(a.startedAt)));
  useStudioEvent('job.progress', upsert);
  useStudioEvent('job.finished', (job) => {
    upsert(job);
    if (job.state === 'failed') onFailure?.(job);
  });
  return jobs;
}
