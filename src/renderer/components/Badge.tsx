import { useTranslation } from 'react-i18next';
import type { Priority, Status } from '../../shared/api/library-types.ts';

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${priority}`}>{t(`priority.${priority}`)}</span>;
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`badge badge-status-${status}`}>{t(`status.${status}`)}</span>;
}
