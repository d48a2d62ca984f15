import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DictionaryEntryKind } from '../../../shared/api/reading.ts';
import { api, ApiError } from '../../api/client.ts';
import { useRequest } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

const KINDS: DictionaryEntryKind[] = ['abbreviation', 'place', 'person', 'other'];

/** The user pronunciation dictionary: list, add or replace (same term), delete. */
export function DictionaryPanel({ onChanged }: { onChanged?(): void }) {
  const { t } = useTranslation('reading');
  const list = useRequest('reading.dictionary.list', {});
  const [term, setTerm] = useState('');
  const [spoken, setSpoken] = useState('');
  const [kind, setKind] = useState<DictionaryEntryKind>('abbreviation');
  const [matchCase, setMatchCase] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      list.reload();
      onChanged?.();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
      return false;
    }
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => api.call('reading.dictionary.upsert', { term, spoken, kind, matchCase }))) {
      setTerm('');
      setSpoken('');
    }
  };

  return (
    <section className="reading-dict-panel" data-testid="dictionary-panel">
      <h3>{t('dictionary.title')}</h3>
      <p className="muted">{t('dictionary.hint')}</p>
      <ErrorNotice error={error ?? list.error} onClose={() => setError(null)} />
      <form className="reading-dictionary-form" onSubmit={add}>
        <input aria-label={t('dictionary.term')} placeholder={t('dictionary.term')} value={term} onChange={(e) => setTerm(e.target.value)} required />
        <input aria-label={t('dictionary.spoken')} placeholder={t('dictionary.spoken')} value={spoken} onChange={(e) => setSpoken(e.target.value)} required />
        <select aria-label={t('dictionary.kind')} value={kind} onChange={(e) => setKind(e.target.value as DictionaryEntryKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dictionary.kinds.${k}`)}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> {t('dictionary.matchCase')}
        </label>
        <button type="submit" className="primary">
          {t('dictionary.add')}
        </button>
      </form>
      {list.data && list.data.length === 0 && <p className="muted">{t('dictionary.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="reading-dictionary-table">
          <thead>
            <tr>
              <th>{t('dictionary.term')}</th>
              <th>{t('dictionary.spoken')}</th>
              <th>{t('dictionary.kind')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.map((entry) => (
              <tr key={entry.id} data-testid="dictionary-entry">
                <td>{entry.term}</td>
                <td>{entry.spoken}</td>
                <td>{t(`dictionary.kinds.${entry.kind}`)}</td>
                <td>
                  <button type="button" className="danger" onClick={() => void run(() => api.call('reading.dictionary.delete', { id: entry.id }))}>
                    {t('reading.dictionary.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
