import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import type { TtsResult } from '../../../shared/api/tts.ts';
import { api, ApiError } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { fmt } from '../../components/useFormat.ts';

/** Peaks drawn per second of audio: enough detail for a few minutes of speech. */
const PIXELS_PER_SECOND = 40;

/**
 * The generated audio: its waveform, drawn from the peaks the main process stored with the asset
 * (the same path the editor uses, so the file is never decoded here), and playback.
 */
export function SpeechResult({ result }: { result: TtsResult }) {
  const { t } = useTranslation('tts');
  const container = useRef<HTMLDivElement>(null);
  const surfer = useRef<WaveSurfer | null>(null);
  const [playing, setPlaying] = useState(false);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!container.current || result.assetId === null) return;
    let cancelled = false;
    const ws = WaveSurfer.create({ container: container.current, height: 110, waveColor: '#5f8fbf', progressColor: '#2f5f8f', cursorColor: '#c62828', normalize: true });
    ws.on('play', () => setPlaying(true));
    ws.on('pause', () => setPlaying(false));
    ws.on('finish', () => setPlaying(false));
    ws.on('ready', () => setReady(true));
    surfer.current = ws;
    (async () => {
      const doc = await api.call('edit.open', { assetId: result.assetId! });
      const { peaks, durationSec } = await api.call('edit.peaks', { documentId: doc.id, pixelsPerSecond: PIXELS_PER_SECOND });
      if (cancelled) return;
      await ws.load(api.mediaUrl(result.file), peaks, durationSec);
    })().catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) })));
    return () => {
      cancelled = true;
      ws.destroy();
      surfer.current = null;
    };
  }, [result.assetId, result.file]);

  return (
    <section className="card tts-result" data-testid="tts-result">
      <h3>{t('result')}</h3>
      <p className="muted" data-testid="tts-result-summary">
        {t('resultSummary', {
          sentences: result.sentences,
          seconds: fmt.number(result.durationSec, { digits: 1 }),
          lufs: result.loudness.integrated === null ? '—' : fmt.number(result.loudness.integrated, { digits: 1 }),
          cached: result.cachedSentences,
        })}
      </p>
      {result.bulletinId !== null && <p className="notice notice-ok">{t('attached')}</p>}
      {result.missingPhonemes.length > 0 && (
        <p className="notice notice-warn">{t('missingPhonemes', { list: result.missingPhonemes.map((m) => m.phoneme).join(' ') })}</p>
      )}
      <ErrorNotice error={error} />
      <div ref={container} className="tts-waveform" data-testid="tts-waveform" data-ready={ready} />
      <div className="page-actions">
        <button type="button" className="primary" data-testid="tts-play" disabled={!ready} onClick={() => void surfer.current?.playPause()}>
          {playing ? t('pause') : t('play')}
        </button>
        {result.assetId !== null && <a href={`#/editor/${result.assetId}`}>{t('openEditor')}</a>}
      </div>
    </section>
  );
}
