import { useTranslation } from 'react-i18next';
import { useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';

/** On the bulletin screen: make a board notice from it, and reach the ones already made. */
export function BulletinLedCard({ bulletinId }: { bulletinId: number }) {
  const { t } = useTranslation('led');
  const notices = useRequest('led.notice.list', { bulletinId });
  return (
    <section className="card" data-testid="bulletin-led-card">
      <h3>{t('bulletinCard.title')}</h3>
      {notices.data && notices.data.length > 0 && (
        <>
          <p className="muted small">{t('bulletinCard.existing')}</p>
          <ul className="pick-list">
            {notices.data.map((n) => (
              <li key={n.id}>
                <a href={`#/led/notice-${n.id}`}>{n.title}</a> <span className="muted small">({n.programme.width} × {n.programme.height})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={() => navigate('led', `from-bulletin-${bulletinId}`)} data-testid="bulletin-led-make">
        {t('bulletinCard.make')}
      </button>
    </section>
  );
}
