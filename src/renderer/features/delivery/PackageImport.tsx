import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageSummary } from '../../../shared/api/package.ts';
import { isJobOf, type JobInfo } from '../../../shared/api/jobs.ts';
import { api, ApiError } from '../../api/client.ts';
import { useAction, useStudioEvent } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FolderPicker } from '../../components/PathPicker.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { RunningJob } from '../../components/RunningJob.tsx';

/** Nhập gói: preview a package's manifest, then verify and import it as a job. */
export function PackageImport() {
  const { t } = useTranslation('delivery');
  const [path, setPath] = useState('');
  const [preview, setPreview] = useState<PackageSummary | null>(null);
  const [job, setJob] = useState<JobInfo | null>(null);
  const [jobError, setJobError] = useState<ApiError | null>(null);

  const inspect = useAction(async () => setPreview(await api.call('package.inspect', { path: path.trim() })));
  const start = useAction(async () => {
    setJobError(null);
    setJob(await api.call('package.import', { path: path.trim() }));
  });
  const follow = (update: JobInfo) => {
    if (update.id !== job?.id) return;
    setJob(update);
    if (update.state === 'failed' && update.error) {
      setJobError(new ApiError(update.error));
    }
  };
  useStudioEvent('job.progress', follow);
  useStudioEvent('job.finished', follow);

  const imported = job && isJobOf(job, 'package.import') && job.state === 'done' ? (job.result?.bulletin ?? null) : null;
  const running = job?.state === 'running';

  return (
    <section className="card package-import" data-testid="package-import">
      <h3>{t('import.title')}</h3>
      <p className="muted">{t('import.help')}</p>
      <ErrorNotice error={inspect.error ?? start.error ?? jobError} onClose={() => (inspect.clearError(), start.clearError(), setJobError(null))} />
      <div className="inline-form">
        <FolderPicker
          purpose="package"
          value={path}
          onPicked={(picked) => {
            setPath(picked);
            setPreview(null);
          }}
          testId="package-path"
        />
        <button type="button" disabled={!path.trim() || inspect.busy} onClick={() => void inspect.run()}>
          {t('import.inspect')}
        </button>
        <button type="button" className="primary" disabled={!path.trim() || start.busy || running} onClick={() => void start.run()} data-testid="package-import-start">
          {t('import.start')}
        </button>
      </div>
      {preview && (
        <p className="notice">
          {t('import.preview', { title: preview.title, author: preview.author || '—', approver: preview.approver ?? '—' })}
          {preview.importedBulletinId !== null && <> · {t('import.alreadyImported', { id: preview.importedBulletinId })}</>}
          {preview.ownBulletinId !== null && (
            <>
              {' · '}
              <a href={`#/bulletins/${preview.ownBulletinId}`} data-testid="package-own">
                {t('import.ownPackage', { id: preview.ownBulletinId })}
              </a>
            </>
          )}
          <br />
          <span data-testid="package-signature" data-signature={preview.signature}>
            {t(`import.signature.${preview.signature}`, { key: preview.signerKeyId ?? '—' })}
          </span>
        </p>
      )}
      {running && (
        <div className="stack">
          <span className="muted">{t('import.running')}</span>
          <RunningJob job={job} label={t('import.running')} />
        </div>
      )}
      {imported && (
        <p className="notice notice-ok" data-testid="package-imported">
          {t('import.done', { title: imported.title })} <a href={`#/bulletins/${imported.id}`}>{t('import.openBulletin')}</a>
        </p>
      )}
    </section>
  );
}
