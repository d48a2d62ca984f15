import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { Duration } from '../../components/Duration.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { ProgrammeBuilder } from './ProgrammeBuilder.tsx';

/** Chương trình phát thanh: the list of programmes, or one programme's builder (#/programmes/3). */
export default function ProgrammesScreen({ param }: { param?: string }) {
  if (param) return <ProgrammeBuilder id={Number(param)} />;
  return <ProgrammeList />;
}

function ProgrammeList() {
  const { t } = useTranslation('programmes');
  const { data, error } = useRequest('programme.list', {}, { refreshOn: ['programme'] });
  const [title, setTitle] = useState('');
  const create = useAction(async () => {
    const programme = await api.call('programme.create', { title });
    navigate('programmes', programme.id);
  });

  return (
    <Page title={t('title')}>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create.run();
        }}
      >
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('newPlaceholder')} data-testid="programme-title" />
        <button type="submit" className="primary" disabled={!title.trim() || create.busy} data-testid="create-programme">
          {t('create')}
        </button>
      </form>
      <ErrorNotice error={error ?? create.error} />
      {data && data.length === 0 && <p className="empty">{t('empty')}</p>}
      <ul className="cards">
        {data?.map((p) => (
          <li key={p.id}>
            <a href={`#/programmes/${p.id}`} className="card card-link" data-programme-id={p.id}>
              <strong>{p.title}</strong>
              <span className="muted">
                {t('itemCount', { count: p.itemCount })} · <Duration seconds={p.totalSec} />
              </span>
              {p.exceedsCap && <span className="badge badge-emergency">{t('overCapShort')}</span>}
            </a>
          </li>
        ))}
      </ul>
    </Page>
  );
}
