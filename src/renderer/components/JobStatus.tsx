import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobKind } from '../../shared/api/jobs.ts';
import type { JobHandle } from '../api/use-job.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { RunningJob } from './RunningJob.tsx';
import { ApiError } from '../api/client.ts';

/**
 * A job on the screen that started it: while it runs, its bar and a cancel button; then what it
 * did (`done`), why it failed (in the user's words), or that it was cancelled.
 */
export function JobStatus<K extends JobKind>({ handle, label, done }: { handle: JobHandle<K>; label: string; done: ReactNode }) {
  const { t } = useTranslation('jobs');
  const { job, error } = handle;
  if (error) return <ErrorNotice error={error} onClose={handle.clear} />;
  if (!job) return null;
  return (
    <div className="job-status" data-testid="job-status" data-job-kind={job.kind} data-state={job.state} aria-live="polite">
      <RunningJob job={job} label={label} />
      {job.state === 'done' && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
      {job.state === 'failed' && job.error && <ErrorNotice error={new ApiError(job.error)} onClose={handle.clear} />}
      {job.state === 'cancelled' && <p className="muted">{t('cancelledNotice')}</p>}
    </div>
  );
}
