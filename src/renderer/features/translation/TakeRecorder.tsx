import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentTake } from '../../../shared/translation/index.ts';
import { api } from '../../api/client.ts';
import { toApiError } from '../../api/hooks.ts';
import { formatClock } from '../../components/Duration.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LevelMeter } from '../recorder/LevelMeter.tsx';
import { useRecorder } from '../recorder/useRecorder.ts';
import '../recorder/recorder.css';

/**
 * The recorder (the recorder feature's capture, meter and take upload) aimed at one segment: the
 * take is saved as it is spoken, then attached to the segment it was started for, replacing the
 * segment's previous take only once the new one is safely saved.
 */
export function TakeRecorder({ translationId, index, onAttached, onClose }: {
  translationId: number;
  index: number;
  onAttached: (take: SegmentTake) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('translation');
  const { t: tr } = useTranslation('recorder');
  const rec = useRecorder();
  const [error, setError] = useState<unknown>(null);
  /** The segment the running take belongs to (the editor may move on while speaking). */
  const startedFor = useRef(index);
  const recording = rec.phase === 'recording';

  useEffect(() => {
    if (!rec.lastTake) return;
    api.call('translation.take.attach', { id: translationId, index: startedFor.current, assetId: rec.lastTake.id }).then(onAttached, setError);
    // Attach each saved take once.
  }, [rec.lastTake]);

  const failure = error ?? rec.error;
  return (
    <section className="card tr-recorder" data-testid="take-recorder">
      <div className="tr-recorder-head">
        <h3>{t('voicing.recording', { n: (recording ? startedFor.current : index) + 1 })}</h3>
        <button type="button" className="link" disabled={recording} onClick={onClose} data-testid="take-recorder-close">
          {t('voicing.closeRecorder')}
        </button>
      </div>
      {rec.micFailure && (
        <div className="notice notice-error" role="alert" data-testid="mic-error">
          {tr(`micError.${rec.micFailure}`)}{' '}
          <button type="button" onClick={rec.retry}>{tr('retry')}</button>
        </div>
      )}
      <LevelMeter levels={rec.levels} />
      <div className="rec-row rec-transport">
        {recording ? (
          <button type="button" className="rec-button stop" onClick={() => void rec.stop()} data-testid="record-stop">
            ■ {tr('stop')}
          </button>
        ) : (
          <button
            type="button"
            className="rec-button record"
            disabled={rec.phase !== 'ready'}
            onClick={() => {
              startedFor.current = index;
              setError(null);
              void rec.start();
            }}
            data-testid="record-start"
          >
            ● {tr('record')}
          </button>
        )}
        <span className={`rec-clock${recording ? ' live' : ''}`} data-testid="record-clock" data-seconds={rec.savedSeconds.toFixed(3)}>
          {formatClock(rec.savedSeconds)}
        </span>
        <span className="muted">{tr(`phase.${rec.phase}`)}</span>
      </div>
      {failure !== null && <ErrorNotice error={toApiError(failure)} onClose={() => (setError(null), rec.clearError())} />}
    </section>
  );
}
