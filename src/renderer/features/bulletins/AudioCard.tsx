import { useTranslation } from 'react-i18next';
import type { Bulletin } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { Duration } from '../../components/Duration.tsx';
import { Loudness } from '../../components/Loudness.tsx';

/** Âm thanh: the bulletin's audio, and the ways to make or edit it. */
export function AudioCard({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation('bulletins');
  const asset = useRequest('asset.get', bulletin.audioAssetId === null ? null : { id: bulletin.audioAssetId }, { refreshOn: ['asset'] });

  return (
    <section className="card" data-testid="bulletin-audio">
      <h3>{t('audio.title')}</h3>
      {asset.data ? (
        <>
          <p className="muted">
            <Duration seconds={asset.data.durationSec} /> · {asset.data.sampleRate / 1000} kHz
          </p>
          <p className="muted">
            <Loudness loudness={asset.data.loudness} />
          </p>
          <audio controls preload="none" src={api.mediaUrl(asset.data.file)} style={{ width: '100%' }} />
        </>
      ) : (
        <p className="muted">{t('audio.none')}</p>
      )}
      <div className="stack">
        <button type="button" onClick={() => navigate('tts', bulletin.id)} data-testid="bulletin-to-tts">
          {t('audio.speak')}
        </button>
        {asset.data && (
          <button type="button" onClick={() => navigate('editor', asset.data!.id)}>
            {t('audio.edit')}
          </button>
        )}
      </div>
    </section>
  );
}
