import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobKind } from '../../shared/api/jobs.ts';
import type { JobHandle } from '../api/use-job.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { ProgressBar } from './ProgressBar.tsx';
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
      {job.state === 'running' && (
        <div className="job-status-line">
          <ProgressBar value={job.progress} label={label} />
          <span className="muted">{job.progress === null ? t('state.running') : t('percent', { value: Math.round(job.progress * 100) })}</span>
          <button type="button" className="danger" onClick={handle.cancel} data-testid="job-cancel">
            {t('common:actions.cancel')}
          </button>
        </div>
      )}
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
