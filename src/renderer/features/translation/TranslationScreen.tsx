import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { EnginePanel } from './EnginePanel.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import { LegacyImportPanel } from './LegacyImportPanel.tsx';
import { MemoryPanel } from './MemoryPanel.tsx';
import { Workbench } from './Workbench.tsx';
import './fonts.ts';
import './translation.css';

/**
 * Dịch: #/translation for the language pair's memory, glossary and engines and the list of
 * translations; #/translation/<id> for the side-by-side editor of one translation.
 */
export default function TranslationScreen({ param }: { param?: string }) {
  if (param && /^\d+$/.test(param)) return <Workbench id={Number(param)} />;
  return <TranslationHome />;
}

function TranslationHome() {
  const { t } = useTranslation('translation');
  const [from, setFrom] = useState('vie');
  const [to, setTo] = useState('tyz');
  const [generation, setGeneration] = useState(0);
  const list = useRequest('translation.list', { limit: 100 }, { refreshOn: ['bulletin'] });
  const languages = useRequest('translation.language.list', {});
  const name = (code: string) => languages.data?.find((l) => l.code === code)?.nameVi ?? code;

  return (
    <Page title={t('screenTitle')}>
      <div className="tr-home">
        <div>
          <section className="card">
            <h2>{t('home.recent')}</h2>
            <p className="muted">{t('home.pickBulletin')}</p>
            <ErrorNotice error={list.error} />
            {list.data?.length === 0 && <p className="empty">{t('home.none')}</p>}
            {list.data && list.data.length > 0 && (
              <table className="table" data-testid="translations">
                <tbody>
                  {list.data.map((link) => (
                    <tr key={link.translationId} className="clickable" onClick={() => navigate('translation', link.translationId)}>
                      <td className="tr-text">{link.targetTitle ?? link.sourceTitle ?? `#${link.translationId}`}</td>
                      <td>{name(link.from)} → {name(link.to)}</td>
                      <td>{t('progress', link.progress)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card">
            <h2>{t('home.pair')}</h2>
            <div className="form-row">
              <LanguagePicker label={t('home.from')} value={from} onChange={setFrom} testId="pair-from" />
              <LanguagePicker label={t('home.to')} value={to} onChange={setTo} exclude={from} testId="pair-to" />
            </div>
          </section>
          <MemoryPanel from={from} to={to} onChanged={() => setGeneration((g) => g + 1)} />
        </div>
        <div>
          <EnginePanel key={`${from}-${to}-${generation}`} from={from} to={to} />
          <LegacyImportPanel />
        </div>
      </div>
    </Page>
  );
}
