import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LanguagePicker } from './LanguagePicker.tsx';
import './fonts.ts';
import './translation.css';

/**
 * On the bulletin screen: what this bulletin is a translation of ("bản dịch của …"), its
 * translations, and "Dịch" into a language (a new linked bulletin, opened in the workbench).
 */
export function TranslateCard({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation('translation');
  const links = useRequest('translation.links', { bulletinId: bulletin.id }, { refreshOn: ['bulletin'] });
  const [to, setTo] = useState('tyz');
  // Where the learned engine knows the pair, it drafts what the TM does not cover (shown as machine, never approved).
  const engines = useRequest('translation.engine.status', { from: bulletin.language, to });
  const start = useAction(async () => {
    const engine = engines.data?.learned ? { engine: 'learned' as const } : {};
    const work = await api.call('translation.start', { bulletinId: bulletin.id, to, ...engine });
    navigate('translation', work.id);
  });
  const of = links.data?.translationOf;
  return (
    <section className="card" data-testid="translate-card">
      <h3>{t('card.title')}</h3>
      <ErrorNotice error={links.error ?? start.error} />
      {of && (
        <p data-testid="translation-of">
          {t('card.translationOf')}{' '}
          {of.sourceBulletinId !== null ? <a href={`#/bulletins/${of.sourceBulletinId}`}>{of.sourceTitle}</a> : '—'}{' '}
          <a href={`#/translation/${of.translationId}`}>{t('card.open')}</a>
        </p>
      )}
      {!of && (
        <>
          {links.data?.translations.length === 0 && <p className="muted">{t('card.none')}</p>}
          <ul className="tr-list" data-testid="translations-of-bulletin">
            {links.data?.translations.map((link) => (
              <li key={link.translationId}>
                {link.targetBulletinId !== null ? <a href={`#/bulletins/${link.targetBulletinId}`} className="tr-text">{link.targetTitle}</a> : link.to}{' '}
                <span className="muted">{t('progress', link.progress)}</span>{' '}
                <a href={`#/translation/${link.translationId}`}>{t('card.open')}</a>
              </li>
            ))}
          </ul>
          <LanguagePicker label={t('card.into')} value={to} onChange={setTo} exclude={bulletin.language === 'vi' ? 'vie' : bulletin.language} testId="translate-to" />
          <button type="button" className="primary" disabled={start.busy || !bulletin.script.trim() || (engines.loading && !engines.data)} onClick={() => void start.run()} data-testid="translate">
            {t('card.translate')}
          </button>
        </>
      )}
    </section>
  );
}
