import { useTranslation } from 'react-i18next';
import { useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { Duration } from '../../components/Duration.tsx';
import { Loudness } from '../../components/Loudness.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ImportAudio } from './ImportAudio.tsx';
import { fmt } from '../../components/useFormat.ts';

/** With no recording chosen: the library's audio, newest first, to open in the editor. */
export function AssetPicker() {
  const { t } = useTranslation('editor');
  const { data, error, loading } = useRequest('asset.list', {}, { refreshOn: ['asset'] });
  return (
    <div className="ed-picker">
      <p>{t('pick.explain')}</p>
      <ImportAudio />
      <ErrorNotice error={error} />
      {!loading && data?.length === 0 && <p className="muted">{t('pick.empty')}</p>}
      <ul data-testid="asset-list">
        {data?.map((asset) => (
          <li key={asset.id}>
            <button type="button" className="link" onClick={() => navigate('editor', asset.id)} data-testid="open-asset" data-asset-id={asset.id}>
              {asset.name}
            </button>{' '}
            <span className="muted">
              <Duration seconds={asset.durationSec} /> · {fmt.number(asset.sampleRate / 1000, { maxDigits: 1 })} kHz · {t(asset.channels === 1 ? 'recorder:mono' : 'recorder:stereo')} · <Loudness loudness={asset.loudness} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
