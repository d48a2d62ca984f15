import { useTranslation } from 'react-i18next';
import type { BulletinSummary } from '../../../shared/api/library-types.ts';
import { navigate } from '../../app/router.ts';
import { PriorityBadge, StatusBadge } from '../../components/Badge.tsx';
import { Highlighted } from './Highlighted.tsx';
import { fmt } from '../../components/useFormat.ts';

export function BulletinTable({ items, emptyText }: { items: BulletinSummary[]; emptyText: string }) {
  const { t } = useTranslation('library');
  if (items.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <table className="table" data-testid="bulletin-table">
      <thead>
        <tr>
          <th>{t('column.title')}</th>
          <th>{t('column.category')}</th>
          <th>{t('column.priority')}</th>
          <th>{t('column.status')}</th>
          <th>{t('column.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className="clickable" onClick={() => navigate('bulletins', item.id)} data-bulletin-id={item.id}>
            <td>
              <a href={`#/bulletins/${item.id}`} className="row-title">
                <Highlighted text={item.title} ranges={item.matches?.title} />
              </a>
              <div className="snippet">
                <Highlighted text={item.snippet} ranges={item.matches?.snippet} />
              </div>
            </td>
            <td>{t(`common:category.${item.category}`)}</td>
            <td>
              <PriorityBadge priority={item.priority} />
            </td>
            <td>
              <StatusBadge status={item.status} verdict={item.sourceVerdict} />
              {item.audioStale && (
                <>
                  {' '}
                  <span className="badge badge-priority" data-testid="stale-audio-badge">
                    {t('audioStale')}
                  </span>
                </>
              )}
            </td>
            <td className="nowrap">{fmt.dateTime(item.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
