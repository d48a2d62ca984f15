import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/api/delivery.ts';
import { describeError, technicalDetail } from '../../../shared/errors.ts';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { PriorityBadge } from '../../components/Badge.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { fmt } from '../../components/useFormat.ts';

/** One outbox item: what, where to, how far, what went wrong last, and what the user can do. */
export function OutboxRow({ item }: { item: OutboxItem }) {
  const { t, i18n } = useTranslation('delivery');
  const time = (iso: string) => fmt.dateTime(iso);
  const size = (bytes: number) => fmt.bytes(bytes);
  const act = useAction(async (action: 'outbox.retry' | 'outbox.cancel' | 'outbox.refreshStatus') => {
    if (action === 'outbox.cancel' && !confirm(t('outbox.confirmCancel', { title: item.title }))) return;
    await api.call(action, { id: item.id });
  });
  const fraction = item.totalBytes > 0 ? item.sentBytes / item.totalBytes : item.state === 'sending' ? null : 0;
  const rejected = item.remoteStatus === 'rejected';

  return (
    <tr className={`outbox-row outbox-${item.state}`} data-outbox-id={item.id} data-state={item.state} data-remote-status={item.remoteStatus ?? ''}>
      <td>
        <a className="row-title" href={item.programmeId !== null ? `#/programmes/${item.programmeId}` : `#/bulletins/${item.bulletinId}`}>
          {item.title}
        </a>
        <div className="outbox-meta">
          {item.priority !== 'normal' && <PriorityBadge priority={item.priority} />}
          <span className="muted">#{item.id}</span>
          {item.attempts > 0 && <span className="muted">{t('outbox.attempts', { count: item.attempts })}</span>}
        </div>
      </td>
      <td>
        <div>{t(`target.${item.target}`)}</div>
        <div className="muted outbox-dest" title={item.dest}>
          {item.dest}
        </div>
      </td>
      <td>
        <span className={`badge outbox-state-${item.state}`} data-testid="outbox-state">
          {t(`state.${item.state}`)}
        </span>
        {item.remoteStatus && (
          <div className="outbox-remote">
            {t('outbox.remote')}:{' '}
            <span className={`badge remote-${item.remoteStatus}`} data-testid="remote-status">
              {t(`remoteStatus.${item.remoteStatus}`)}
            </span>
            {rejected && item.remoteReason && <div className="error-text">{t('outbox.reason', { reason: item.remoteReason })}</div>}
          </div>
        )}
        {item.deliveredAt && <div className="muted small">{t('outbox.deliveredAt', { time: time(item.deliveredAt) })}</div>}
        {item.target === 'package' && item.remoteId && (
          <div className="muted small package-folder" title={item.remoteId} data-testid="package-folder">
            {t('outbox.packageFolder', { folder: item.remoteId.split(/[\\/]/).pop() })}
          </div>
        )}
      </td>
      <td className="outbox-progress">
        {(item.state === 'sending' || item.state === 'queued') && (
          <>
            <ProgressBar value={fraction} label={item.title} />
            <div className="muted small">{t('outbox.bytes', { sent: size(item.sentBytes), total: size(item.totalBytes) })}</div>
          </>
        )}
        {item.lastError && item.state !== 'delivered' && (
          <div className="outbox-error" data-testid="outbox-error">
            <strong>{t('outbox.lastError')}:</strong> <span title={technicalDetail(item.lastError)}>{describeError(item.lastError, i18n.language === 'en' ? 'en' : 'vi')}</span>
            <div className="muted small">{time(item.lastError.at)}</div>
          </div>
        )}
        {item.state === 'queued' && item.nextAttemptAt && (
          <div className="muted small">
            {/* Never tried yet and not due: held while its loudness is measured (a retry sends it now). */}
            {t(item.attempts === 0 ? 'outbox.measuringLoudness' : 'outbox.nextAttempt', { time: fmt.time(item.nextAttemptAt, true) })}
          </div>
        )}
        <ErrorNotice error={act.error} onClose={act.clearError} />
      </td>
      <td className="outbox-actions">
        {(item.state === 'queued' || item.state === 'cancelled') && (
          <button type="button" disabled={act.busy} onClick={() => void act.run('outbox.retry')} data-testid="outbox-retry">
            {t('outbox.retry')}
          </button>
        )}
        {(item.state === 'queued' || item.state === 'sending') && (
          <button type="button" className="danger" disabled={act.busy} onClick={() => void act.run('outbox.cancel')} data-testid="outbox-cancel">
            {t('outbox.cancel')}
          </button>
        )}
        {item.state === 'delivered' && item.target === 'source' && (
          <button type="button" disabled={act.busy} onClick={() => void act.run('outbox.refreshStatus')} data-testid="outbox-refresh">
            {t('outbox.refresh')}
          </button>
        )}
      </td>
    </tr>
  );
}
