import { useTranslation } from 'react-i18next';
import { useRequest } from '../../api/hooks.ts';
import { fmt } from '../../components/useFormat.ts';

/** Lịch sử: who changed this bulletin, what and when (the audit trail). */
export function HistoryList({ bulletinId }: { bulletinId: number }) {
  const { t } = useTranslation('bulletins');
  const { data } = useRequest('audit.list', { entity: 'bulletin', entityId: bulletinId, limit: 20 }, { refreshOn: ['bulletin'] });
  if (!data) return null;
  return (
    <section className="card">
      <h3>{t('history.title')}</h3>
      <ul className="history">
        {data.map((entry) => (
          <li key={entry.id}>
            <span className="muted">{fmt.dateTime(entry.at)}</span>{' '}
            <strong>{t(`history.actor.${entry.actor}`, { defaultValue: entry.actor })}</strong> — {t(`history.action.${entry.action}`, { defaultValue: entry.action })}
            {entry.action === 'update' && isRecord(entry.changes) && (
              <span className="muted"> ({Object.keys(entry.changes).map((f) => t(`field.${f}`, { defaultValue: f })).join(', ')})</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
