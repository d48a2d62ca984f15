import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '../../../shared/api/library-types.ts';
import { api } from '../../api/client.ts';
import { useAction, useRequest } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Duration } from '../../components/Duration.tsx';
import { Loudness } from '../../components/Loudness.tsx';

/**
 * Âm thanh: the bulletin's audio (one edit document: what the editor hears in the editor is what is
 * delivered), how it was made, and the ways to make or edit it.
 */
export function AudioCard({ bulletin, leave, onChanged }: { bulletin: Bulletin; leave: (path: string, param?: number) => void; onChanged: () => void }) {
  const { t } = useTranslation('bulletins');
  const asset = useRequest('asset.get', bulletin.audioAssetId === null ? null : { id: bulletin.audioAssetId }, { refreshOn: ['asset'] });
  const edit = useRequest('bulletin.audio.get', bulletin.audioAssetId === null ? null : { id: bulletin.id }, { refreshOn: ['asset', 'bulletin'] });
  const locked = bulletin.status === 'delivered';
  // An imported file becomes the bulletin's audio (the import itself is the editor's and the CLI's).
  const assets = useRequest('asset.list', {}, { refreshOn: ['asset'] });
  const [chosen, setChosen] = useState('');
  const attach = useAction(async () => {
    await api.call('bulletin.audio.set', { id: bulletin.id, assetId: Number(chosen) });
    setChosen('');
    onChanged();
  });
  const minus = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 }).replace('-', '\u2212');

  return (
    <section className="card" data-testid="bulletin-audio" data-origin={bulletin.audioOrigin ?? ''} data-stale={bulletin.audioStale}>
      <h3>{t('audio.title')}</h3>
      {asset.data ? (
        <>
          <p className="muted">
            {bulletin.audioOrigin && <>{t(`audio.origin.${bulletin.audioOrigin}`)} · </>}
            <Duration seconds={asset.data.durationSec} /> · {t('audio.rate', { khz: (asset.data.sampleRate / 1000).toLocaleString('vi-VN') })}
          </p>
          {bulletin.audioStale && <p><span className="badge badge-priority" data-testid="audio-stale-badge">{t('audio.staleShort')}</span></p>}
          <p className="muted">
            <Loudness loudness={asset.data.loudness} />
          </p>
          {edit.data?.edited && (
            <p data-testid="bulletin-audio-edited">
              {t('audio.edited')} · <Duration seconds={edit.data.durationSec} />
              {edit.data.normalisedTo && <> · {t('audio.normalisedTo', { target: minus(edit.data.normalisedTo.target) })}</>}
            </p>
          )}
          <p className="muted">{t('audio.editedIsDelivered')}</p>
          <audio controls preload="none" src={api.mediaUrl(asset.data.file)} style={{ width: '100%' }} />
        </>
      ) : (
        <p className="muted">{t('audio.none')}</p>
      )}
      <ErrorNotice error={attach.error} onClose={attach.clearError} />
      <div className="stack">
        {!locked && (assets.data?.length ?? 0) > 0 && (
          <label>
            {t('audio.useFile')}
            <span className="form-row">
              <select value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="bulletin-audio-file">
                <option value="">—</option>
                {assets.data!.filter((a) => a.id !== bulletin.audioAssetId).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!chosen || attach.busy} onClick={() => void attach.run()} data-testid="bulletin-audio-use">
                {t('audio.useFileButton')}
              </button>
            </span>
          </label>
        )}
        <button type="button" disabled={locked} onClick={() => leave('tts', bulletin.id)} data-testid="bulletin-to-tts">
          {asset.data ? t('audio.speakAgain') : t('audio.speak')}
        </button>
        <button type="button" disabled={locked} onClick={() => leave('recorder', bulletin.id)} data-testid="bulletin-to-recorder">
          {t('audio.record')}
        </button>
        {asset.data && (
          <button type="button" onClick={() => leave('editor', asset.data!.id)} data-testid="bulletin-to-editor">
            {t('audio.edit')}
          </button>
        )}
      </div>
    </section>
  );
}
