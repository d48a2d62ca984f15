import { useTranslation } from 'react-i18next';
import type { Priority, SourceVerdict, Status } from '../../shared/api/library-types.ts';

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${priority}`}>{t(`priority.${priority}`)}</span>;
}

/**
 * A bulletin's status; once delivered to the source system, what the province said of it instead
 * ("Đã phát", or "Bị từ chối · Lý do: …"), so a rejected bulletin never reads "Đã gửi".
 */
export function StatusBadge({ status, verdict }: { status: Status; verdict?: SourceVerdict | null }) {
  const { t } = useTranslation();
  if (verdict && status === 'delivered') {
    const rejected = verdict.status === 'rejected';
    return (
      <span className={`badge badge-verdict-${verdict.status}`} data-testid="source-verdict" data-verdict={verdict.status}>
        {rejected && verdict.reason ? t('sourceVerdict.rejectedBecause', { reason: verdict.reason }) : t(`sourceVerdict.${verdict.status}`)}
      </span>
    );
  }
  return <span className={`badge badge-status-${status}`}>{t(`status.${status}`)}</span>;
}
