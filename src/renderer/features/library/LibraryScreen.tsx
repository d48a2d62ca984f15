import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFilters } from '../../../shared/api/index.ts';
import { useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { BulletinTable } from './BulletinTable.tsx';
import { FilterBar, type Filters } from './FilterBar.tsx';

const SEARCH_DELAY_MS = 200;

/** Thư viện: every bulletin, searchable without diacritics, filterable by what editors sort by. */
export default function LibraryScreen() {
  const { t } = useTranslation('library');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const arg: SearchFilters = { text: query, limit: 100, ...filters };
  const { data, error, loading } = useRequest('library.search', arg, { refreshOn: ['bulletin'] });

  return (
    <Page
      title={t('title')}
      actions={
        <button type="button" className="primary" onClick={() => navigate('bulletins', 'new')} data-testid="new-bulletin">
          {t('newBulletin')}
        </button>
      }
    >
      <div className="search-row">
        <input
          type="search"
          className="search"
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="search"
          autoFocus
        />
        <FilterBar value={filters} onChange={setFilters} />
      </div>
      <ErrorNotice error={error} />
      {data && (
        <p className="muted" data-testid="result-count">
          {t('resultCount', { count: data.total, shown: data.total > 1000 ? '1000+' : data.total })}
          {loading ? ' …' : ''}
        </p>
      )}
      {data && <BulletinTable items={data.items} emptyText={query ? t('noMatch', { query }) : t('empty')} />}
    </Page>
  );
}
