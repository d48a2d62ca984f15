import { useCallback, useState } from 'react';
import type { JobInfo, JobKind } from '../../shared/api/jobs.ts';
import { api, ApiError } from './client.ts';
import { toApiError, useStudioEvent } from './hooks.ts';
import { waitForJob } from './wait-for-job.ts';

export interface JobHandle<K extends JobKind> {
  /** The job as last heard of (progress, then its end), or null before one is started. */
  job: JobInfo<K> | null;
  /** A refusal to start (a bad folder, a busy studio), before any job exists. */
  error: ApiError | null;
  start: () => Promise<void>;
  cancel: () => void;
  /** Forgets the finished job and any refusal (the screen's "close" on its outcome). */
  clear: () => void;
}

/**
 * One job started from a screen and followed there: its progress, its cancel and how it ended,
 * kept current by the job.* events, so the screen that started it shows all of that itself.
 */
export function useJob<K extends JobKind>(begin: () => Promise<JobInfo<K>>): JobHandle<K> {
  const [job, setJob] = useState<JobInfo<K> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const follow = (info: JobInfo) => setJob((current) => (current && current.id === info.id ? (info as JobInfo<K>) : current));
  useStudioEvent('job.progress', follow);
  useStudioEvent('job.finished', follow);

  const start = useCallback(async () => {
    setError(null);
    setJob(null);
    try {
      const started = await begin();
      // It may have ended before its events could be heard: ask once.
      setJob(started);
      const latest = (await api.call('job.list', {})).find((j) => j.id === started.id);
      if (latest && latest.state !== 'running') follow(latest);
    } catch (caught) {
      setError(toApiError(caught));
    }
  }, [begin]);

  const cancel = useCallback(() => {
    if (job?.state === 'running') void api.call('job.cancel', { id: job.id }).catch(() => undefined);
  }, [job]);

  return { job, error, start, cancel, clear: () => (setJob(null), setError(null)) };
}

/** Whether a failure is the user's own cancel (nothing to report as an error). */
export function isCancelled(error: unknown): boolean {
  return error instanceof ApiError && error.payload.code === 'cancelled';
}

/**
 * A job an action of the screen started and awaits: `follow` resolves with its result (rejects on
 * failure or cancel); meanwhile `job` is the running job (for `RunningJob`'s bar and cancel) and
 * `progress` its fraction done.
 */
export function useFollowedJob<K extends JobKind>() {
  const [job, setJob] = useState<JobInfo<K> | null>(null);
  const [progress, setProgress] = useState(0);
  const follow = useCallback(async (started: JobInfo<K>) => {
    setJob(started);
    setProgress(0);
    try {
      return await waitForJob(started, setProgress);
    } finally {
      setJob(null);
    }
  }, []);
  const cancel = useCallback(() => {
    if (job) void api.call('job.cancel', { id: job.id }).catch(() => undefined);
  }, [job]);
  return { job, progress, follow, cancel };
}
