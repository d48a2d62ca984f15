import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../shared/api/jobs.ts';
import { api } from '../api/client.ts';
import { useStudioEvent } from '../api/hooks.ts';
import { ProgressBar } from './ProgressBar.tsx';

/**
 * A job's progress and its cancel button, on the screen that started it, for as long as it runs.
 * The screen passes the JobInfo its request returned; the line follows the job's events.
 */
export function RunningJob({ job, label }: { job: JobInfo | null | undefined; label: string }) {
  const { t } = useTranslation('jobs');
  const [live, setLive] = useState(job ?? null);
  useEffect(() => setLive(job ?? null), [job]);
  const follow = (info: JobInfo) => {
    if (info.id === job?.id) setLive(info);
  };
  useStudioEvent('job.progress', follow);
  useStudioEvent('job.finished', follow);
  if (!live || live.state !== 'running') return null;
  return (
    <div className="job-status-line" data-testid="running-job" data-job-kind={live.kind}>
      <ProgressBar value={live.progress} label={label} />
      <span className="muted">{live.progress === null ? t('state.running') : t('percent', { value: Math.round(live.progress * 100) })}</span>
      <button type="button" className="danger" onClick={() => void api.call('job.cancel', { id: live.id }).catch(() => undefined)} data-testid="job-cancel">
        {t('common:actions.cancel')}
      </button>
    </div>
  );
}
