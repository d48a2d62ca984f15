import { useTranslation } from 'react-i18next';
import type { Asset } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { Duration } from '../../components/Duration.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { fmt } from '../../components/useFormat.ts';

/** Takes a crash cut short, offered back to the user on the next start. */
export function RecoverableTakes({ onRecovered }: { onRecovered: (asset: Asset) => void }) {
  const { t } = useTranslation('recorder');
  const { data: takes, reload } = useRequest('recorder.recoverable', {});
  const recover = useAction(async (sessionId: string, startedAt: string) => {
    const time = fmt.dateTime(startedAt);
    const asset = await api.call('recorder.recover', { sessionId, name: t('recoveredName', { time }) });
    reload();
    onRecovered(asset);
  });
  const discard = useAction(async (sessionId: string) => {
    await api.call('recorder.discard', { sessionId });
    reload();
  });
  if (!takes || takes.length === 0) return null;
  return (
    <div className="notice rec-recover" role="status" data-testid="recoverable-takes">
      <strong>{t('recover.title')}</strong>
      <p>{t('recover.explain')}</p>
      <ul>
        {takes.map((take) => (
          <li key={take.sessionId} data-testid="recoverable-take">
            <span>
              {fmt.dateTime(take.startedAt)} · <Duration seconds={take.durationSec} />
              {take.deviceLabel && ` · ${take.deviceLabel}`}
            </span>
            <button type="button" className="primary" disabled={recover.busy} onClick={() => void recover.run(take.sessionId, take.startedAt)} data-testid="recover-take">
              {t('recover.keep')}
            </button>
            <button type="button" disabled={discard.busy} onClick={() => void discard.run(take.sessionId)} data-testid="discard-take">
              {t('recover.discard')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorNotice error={recover.error ?? discard.error} />
    </div>
  );
}
