import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { describeError, technicalDetail } from '../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { fmt } from '../../components/useFormat.ts';

/** Every long piece of work in one place: progress, cancel, and how it ended. */
export function JobsPanel({ jobs, open, onClose }: { jobs: JobInfo[]; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('jobs');
  const running = jobs.filter((j) => j.state === 'running').length;
  const language = i18n.language === 'en' ? 'en' : 'vi';

  return (
    <aside className={`jobs-panel ${open ? 'open' : ''}`} aria-hidden={!open} data-testid="jobs-panel">
      <header>
        <h2>
          {t('title')} {running > 0 && <span className="badge">{running}</span>}
        </h2>
        <button type="button" className="link" onClick={onClose}>
          {t('common:actions.close')}
        </button>
      </header>
      {jobs.length === 0 && <p className="muted">{t('none')}</p>}
      <ul>
        {jobs.map((job) => (
          <li key={job.id} className={`job job-${job.state}`} data-job-kind={job.kind}>
            <div className="job-title">
              <strong>{t(`kind.${job.kind}`, { defaultValue: job.kind })}</strong>
              <span className="muted">
                {t(`state.${job.state}`)}
                {job.finishedAt && ` · ${fmt.time(job.finishedAt, true)}`}
              </span>
            </div>
            {job.subject && <div className="job-subject muted small">{job.subject}</div>}
            {job.state === 'running' && (
              <>
                <ProgressBar value={job.progress} label={t(`kind.${job.kind}`, { defaultValue: job.kind })} />
                <button type="button" onClick={() => void api.call('job.cancel', { id: job.id })}>
                  {t('common:actions.cancel')}
                </button>
              </>
            )}
            {job.error && job.state === 'failed' && (
              <p className="error-text" title={technicalDetail(job.error)}>{describeError(job.error, language)}</p>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
