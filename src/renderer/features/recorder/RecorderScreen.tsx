import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { Duration, formatClock } from '../../components/Duration.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { toApiError } from '../../api/hooks.ts';
import { LevelMeter } from './LevelMeter.tsx';
import { RecoverableTakes } from './RecoverableTakes.tsx';
import { useRecorder } from './useRecorder.ts';
import './recorder.css';

/**
 * Ghi âm: choose the input, watch the level, record; the take is saved as it is spoken. "Ghi âm
 * cho bản tin" (#/recorder/<bulletinId>, or the bulletin chosen here): the take becomes its audio.
 */
export default function RecorderScreen({ param }: { param?: string }) {
  const { t } = useTranslation('recorder');
  const [bulletinId, setBulletinId] = useState<number | null>(param ? Number(param) : null);
  const rec = useRecorder(bulletinId);
  // Only bulletins that can still take audio (a delivered one is duplicated instead).
  const drafts = useRequest('bulletin.list', { limit: 200 }, { refreshOn: ['bulletin'] });
  const choices = (drafts.data?.items ?? []).filter((b) => b.status !== 'delivered' || b.id === bulletinId);
  const recording = rec.phase === 'recording';
  const busy = rec.phase === 'opening' || rec.phase === 'saving';

  return (
    <Page title={t('title')}>
      <RecoverableTakes onRecovered={(asset) => navigate('editor', asset.id)} />
      <div className="rec-panel">
        <div className="rec-row">
          <label>
            {t('device')}
            <select
              value={rec.deviceId ?? ''}
              disabled={recording || busy}
              onChange={(e) => rec.setDeviceId(e.target.value || undefined)}
              data-testid="input-device"
            >
              <option value="">{t('defaultDevice')}</option>
              {rec.devices.map((d, i) => (
                <option key={d.deviceId || i} value={d.deviceId}>
                  {d.label || t('unnamedDevice', { n: i + 1 })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('forBulletin')}
            <select
              value={bulletinId ?? ''}
              disabled={recording || busy}
              onChange={(e) => setBulletinId(e.target.value ? Number(e.target.value) : null)}
              data-testid="record-for-bulletin"
            >
              <option value="">{t('noBulletin')}</option>
              {choices.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('channels')}
            <select value={rec.channels} disabled={recording || busy} onChange={(e) => rec.setChannels(Number(e.target.value))} data-testid="input-channels">
              <option value={1}>{t('mono')}</option>
              <option value={2}>{t('stereo')}</option>
            </select>
          </label>
        </div>

        {rec.micFailure && (
          <div className="notice notice-error" role="alert" data-testid="mic-error">
            {t(`micError.${rec.micFailure}`)}{' '}
            <button type="button" onClick={rec.retry} data-testid="mic-retry">
              {t('retry')}
            </button>
          </div>
        )}

        <LevelMeter levels={rec.levels} />

        <div className="rec-row rec-transport">
          {recording ? (
            <button type="button" className="rec-button stop" onClick={() => void rec.stop()} data-testid="record-stop">
              ■ {t('stop')}
            </button>
          ) : (
            <button
              type="button"
              className="rec-button record"
              disabled={rec.phase !== 'ready'}
              onClick={() => void rec.start()}
              data-testid="record-start"
            >
              ● {t('record')}
            </button>
          )}
          <span className={`rec-clock${recording ? ' live' : ''}`} data-testid="record-clock" data-seconds={rec.savedSeconds.toFixed(3)}>
            {formatClock(rec.savedSeconds)}
          </span>
          <span className="muted">{t(`phase.${rec.phase}`)}</span>
        </div>

        {rec.error !== null && <ErrorNotice error={toApiError(rec.error)} onClose={rec.clearError} />}

        {rec.lastTake && (
          <div className="notice rec-saved" data-testid="take-saved" data-asset-id={rec.lastTake.id}>
            <span>
              {t('saved', { name: rec.lastTake.name })} (<Duration seconds={rec.lastTake.durationSec} />)
              {bulletinId !== null && <> {t('savedForBulletin')}</>}
            </span>
            <button type="button" className="primary" onClick={() => navigate('editor', rec.lastTake!.id)} data-testid="open-in-editor">
              {t('openInEditor')}
            </button>
            {bulletinId !== null && (
              <button type="button" onClick={() => navigate('bulletins', bulletinId)} data-testid="open-bulletin">
                {t('openBulletin')}
              </button>
            )}
          </div>
        )}
      </div>
    </Page>
  );
}
