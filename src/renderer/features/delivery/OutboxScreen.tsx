import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATES, type OutboxState } from '../../../shared/api/delivery.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { OutboxRow } from './OutboxRow.tsx';
import { PackageImport } from './PackageImport.tsx';
import { useOutbox } from './useOutbox.ts';
import './delivery.css';

/** Hộp thư đi: every delivery with its state, progress and last error, live; and packages coming in. */
export default function OutboxScreen() {
  const { t } = useTranslation('delivery');
  const { items, error } = useOutbox();
  const [filter, setFilter] = useState<OutboxState | ''>('');
  const shown = (items ?? []).filter((item) => !filter || item.state === filter);

  return (
    <Page
      title={t('outbox.title')}
      actions={
        <select value={filter} onChange={(e) => setFilter(e.target.value as OutboxState | '')} aria-label={t('outbox.col.state')} data-testid="outbox-filter">
          <option value="">{t('outbox.filterAll')}</option>
          {OUTBOX_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`state.${state}`)}
            </option>
          ))}
        </select>
      }
    >
      <p className="muted">{t('outbox.intro')}</p>
      <ErrorNotice error={error} />
      {items && shown.length === 0 && <p className="empty">{t('outbox.empty')}</p>}
      {shown.length > 0 && (
        <table className="table outbox-table" data-testid="outbox-table">
          <thead>
            <tr>
              <th>{t('outbox.col.bulletin')}</th>
              <th>{t('outbox.col.target')}</th>
              <th>{t('outbox.col.state')}</th>
              <th>{t('outbox.col.progress')}</th>
              <th>{t('outbox.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <OutboxRow key={item.id} item={item} />
            ))}
          </tbody>
        </table>
      )}
      <PackageImport />
    </Page>
  );
}
