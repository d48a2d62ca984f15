import { useState } from 'react';
import type { LedJobResults } from '../../../shared/api/led.ts';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { useStudioEvent } from '../../api/hooks.ts';

export type LedJob<K extends keyof LedJobResults> = Omit<JobInfo, 'result'> & { kind: K; result?: LedJobResults[K] };

/**
 * Follows one job of kind K (the last one `track` was given) through its progress and end. The
 * result's type comes from the contract's LedJobResults by kind; on this base JobInfo.result is
 * still `unknown`, so the one narrowing lives here until the typed JobResults map replaces it.
 */
export function useJob<K extends keyof LedJobResults>(kind: K): { job: LedJob<K> | null; track: (job: JobInfo) => void } {
  const [job, setJob] = useState<LedJob<K> | null>(null);
  const mine = (info: JobInfo): info is LedJob<K> => info.kind === kind;
  const update = (info: JobInfo) => setJob((current) => (current && current.id === info.id && mine(info) ? info : current));
  useStudioEvent('job.progress', update);
  useStudioEvent('job.finished', update);
  return { job, track: (info) => setJob(mine(info) ? info : null) };
}
