import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobInfo } from '../../../shared/api/jobs.ts';
import { useRequest } from '../../api/hooks.ts';
import { fmt } from '../../components/useFormat.ts';

/** The device's firmware history from the flash audit trail: when, which image (sha256), the outcome. */
export function FlashAudit({ deviceId, job }: { deviceId: string; job: JobInfo | null }) {
  const { t } = useTranslation('serial');
  const audit = useRequest('serial.flash.audit', { limit: 200 });
  const reload = audit.reload;
  // The record is written when the job ends: read again once it has.
  const finished = job && job.state !== 'running' ? job.id + job.state : null;
  useEffect(() => {
    if (finished) {
      const timer = setTimeout(reload, 300);
      return () => clearTimeout(timer);
    }
  }, [finished, reload]);
  const rows = (audit.data ?? []).filter((entry) => entry.deviceId === deviceId).slice(0, 10);
  if (rows.length === 0) return null;
  return (
    <details className="flash-audit" data-testid="flash-audit">
      <summary>{t('audit.title', { count: rows.length })}</summary>
      <table>
        <thead>
          <tr>
            <th>{t('audit.at')}</th>
            <th>{t('audit.image')}</th>
            <th>{t('audit.model')}</th>
            <th>{t('audit.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={entry.id} data-result={entry.result}>
              <td>{fmt.dateTime(entry.at)}</td>
              <td>
                {entry.imageName} <span className="mono muted">{entry.imageSha256.slice(0, 12)}</span>
              </td>
              <td>{entry.deviceModel ?? '—'}</td>
              <td>
                {t(`audit.results.${entry.result}`)}
                {entry.deviceState && entry.result !== 'verified' && ` — ${t(`deviceState.${entry.deviceState}`, { defaultValue: entry.deviceState })}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
