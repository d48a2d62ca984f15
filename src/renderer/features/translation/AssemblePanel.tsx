import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranslationAssembleResult, TranslationView } from '../../../shared/translation/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { isCancelled, useFollowedJob } from '../../api/use-job.ts';
import { navigate } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useFormat } from '../../components/useFormat.ts';

/** What the assembly will use, counted as the service plans it: segments with a text or a take. */
function plan(view: TranslationView, voiceId: string) {
  const taken = new Set(view.voicing.takes.map((take) => take.index));
  const pieces = view.segments.filter((s) => taken.has(s.index) || s.target.trim() !== '');
  const takes = pieces.filter((s) => taken.has(s.index)).length;
  return { takes, voiced: voiceId ? pieces.length - takes : 0, missing: voiceId ? 0 : pieces.length - takes };
}

/**
 * Ghép âm thanh: the translated bulletin's audio from the segments' takes, the rest spoken by a
 * voice of the language, at the broadcast loudness; a job with progress and cancel.
 */
export function AssemblePanel({ view, voiceId, onVoice, onAssembled }: {
  view: TranslationView;
  /** The voice for segments without a take ('' for none). */
  voiceId: string;
  onVoice: (voiceId: string) => void;
  onAssembled: () => void;
}) {
  const { t } = useTranslation('translation');
  const fmt = useFormat();
  const assembling = useFollowedJob<'translation.assemble'>();
  /** From the click until the job ends: the request that starts it counts too. */
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<TranslationAssembleResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const counts = plan(view, voiceId);

  const assemble = async () => {
    setError(null);
    setResult(null);
    setCancelled(false);
    setRunning(true);
    try {
      setResult(await assembling.follow(await api.call('translation.assemble', { id: view.id, voiceId: voiceId || null })));
      onAssembled();
    } catch (e) {
      if (isCancelled(e)) setCancelled(true);
      else setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="card tr-assemble" data-testid="assemble-panel">
      <h3>{t('voicing.title')}</h3>
      <p className="muted" data-testid="assemble-plan">{t('voicing.plan', counts)}</p>
      <div className="form-row">
        <label>
          {t('voicing.voice')}
          <select value={voiceId} disabled={running} onChange={(e) => {
            setError(null);
            onVoice(e.target.value);
          }} data-testid="assemble-voice">
            <option value="">{t('voicing.noVoice')}</option>
            {view.voicing.voices.map((voice) => (
              <option key={voice.id} value={voice.id}>{voice.name}</option>
            ))}
          </select>
        </label>
        {view.voicing.voices.length === 0 && <span className="muted">{t('voicing.noVoiceHint')}</span>}
      </div>
      <div className="tr-buttons">
        <button type="button" className="primary" disabled={running || view.link.targetBulletinId === null} onClick={() => void assemble()} data-testid="assemble">
          {t('voicing.assemble')}
        </button>
        {assembling.job && (
          <button type="button" onClick={assembling.cancel} data-testid="assemble-cancel">
            {t('voicing.cancel')}
          </button>
        )}
      </div>
      {running && <ProgressBar value={assembling.progress} label={t('voicing.assemble')} />}
      {cancelled && <p className="muted" data-testid="assemble-cancelled">{t('voicing.cancelled')}</p>}
      <ErrorNotice error={error} onClose={() => setError(null)} />
      {result && (
        <div className="notice" data-testid="assemble-result" data-duration={result.durationSec.toFixed(3)} data-pieces={result.pieces.map((p) => `${p.index}:${p.from}:${p.startSec.toFixed(2)}`).join(' ')}>
          <span>
            {t('voicing.done', {
              seconds: fmt.number(result.durationSec, { digits: 1 }),
              lufs: fmt.number(result.loudness.integrated ?? -Infinity, { digits: 1 }),
              takes: result.pieces.filter((p) => p.from === 'take').length,
              voiced: result.pieces.filter((p) => p.from === 'voice').length,
            })}
          </span>
          <button type="button" onClick={() => navigate('bulletins', result.bulletinId)} data-testid="assemble-open-bulletin">
            {t('voicing.openBulletin')}
          </button>
        </div>
      )}
    </section>
  );
}
