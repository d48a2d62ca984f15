import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TmEntry } from '../../../shared/translation/index.ts';
import { api } from '../../api/client.ts';
import { useAction } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/** Moves the pair's translation memory and glossary in and out (TMX, TSV, CSV), and concordance search. */
export function MemoryPanel({ from, to, onChanged }: { from: string; to: string; onChanged: () => void }) {
  const { t } = useTranslation('translation');
  const [file, setFile] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<TmEntry[] | null>(null);
  const path = file.trim();

  const run = useAction(async (what: 'importTm' | 'exportTm' | 'importGlossary' | 'exportGlossary') => {
    setMessage(null);
    if (what === 'importTm' || what === 'importGlossary') {
      const result = await api.call(what === 'importTm' ? 'translation.tm.import' : 'translation.glossary.import', { path, from, to });
      setMessage(t('tm.imported', { ...result }));
      onChanged();
    } else {
      const { count } = await api.call(what === 'exportTm' ? 'translation.tm.export' : 'translation.glossary.export', { path, from, to });
      setMessage(t('tm.exported', { count }));
    }
  });
  const search = useAction(async () => setHits(await api.call('translation.tm.search', { from, to, text: query.trim(), limit: 50 })));

  return (
    <section className="card" data-testid="memory-panel">
      <h2>{t('tm.title')}</h2>
      <ErrorNotice error={run.error ?? search.error} />
      <label>
        {t('tm.path')}
        <input value={file} onChange={(e) => setFile(e.target.value)} data-testid="tm-path" />
      </label>
      <div className="tr-buttons">
        {(['importTm', 'exportTm', 'importGlossary', 'exportGlossary'] as const).map((what) => (
          <button key={what} type="button" disabled={!path || run.busy} onClick={() => void run.run(what)} data-testid={`tm-${what}`}>
            {t(`tm.${what}`)}
          </button>
        ))}
      </div>
      {message && <p className="notice notice-ok" data-testid="tm-message">{message}</p>}
      <form
        className="tr-search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) void search.run();
        }}
      >
        <input className="tr-text" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('tm.search')} aria-label={t('tm.search')} data-testid="tm-search" />
        <button type="submit">{t('tm.searchButton')}</button>
      </form>
      {hits && hits.length === 0 && <p className="muted">{t('tm.noHits')}</p>}
      {hits && hits.length > 0 && (
        <div className="tr-hits-scroll">
        <table className="table tr-hits">
          <tbody>
            {hits.map((hit) => (
              <tr key={hit.id}>
                <td lang="vi">{hit.source}</td>
                <td className="tr-text" lang={to}>{hit.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
