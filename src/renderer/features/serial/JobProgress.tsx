import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { bytes, type SerialJobView } from './useSerialJob.ts';

/** A running or finished serial job: stage, bar, bytes and speed, cancel, and the stage log. */
export function JobProgress({ view, onCancel }: { view: SerialJobView; onCancel: () => void }) {
  const { t } = useTranslation('serial');
  const { job, detail, speed, log } = view;
  if (!job) return null;
  const running = job.state === 'running';
  const stage = detail ? t(`stage.${detail.stage}`) : t('stage.connect');
  return (
    <div className="serial-job" data-testid="serial-job" data-state={job.state}>
      {running && (
        <>
          <div className="serial-job-line">
            <span data-testid="serial-stage">{stage}</span>
            <span className="muted">
              {detail && detail.total > 1 && `${bytes(detail.done)} / ${bytes(detail.total)}`}
              {speed !== null && speed > 0 && ` · ${bytes(speed)}/s`}
            </span>
            <button type="button" className="danger" onClick={onCancel} data-testid="serial-cancel">
              {t('job.cancel')}
            </button>
          </div>
          <ProgressBar value={job.progress} label={stage} />
        </>
      )}
      {log.length > 0 && (
        <ol className="serial-log" aria-label={t('job.log')}>
          {log.map((line, i) => (
            <li key={i}>
              <span className="muted">{line.at}</span> {t(`stage.${line.stage}`, { defaultValue: line.stage })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
