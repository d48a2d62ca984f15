import { useCallback, useEffect, useRef, useState } from 'react';
import type { TtsPreview, TtsSettingsInput } from '../../../shared/api/tts.ts';
import { api, ApiError } from '../../api/client.ts';

/**
 * Speaks a short text with a voice (a sample or one sentence) and plays it. One preview plays at
 * a time; `playing` names what is playing so its button can show "stop".
 */
export function usePreviewPlayer() {
  const audio = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [last, setLast] = useState<TtsPreview | null>(null);
  /** How many previews have started playing (shown to tests as data-plays). */
  const [plays, setPlays] = useState(0);

  const stop = useCallback(() => {
    audio.current?.pause();
    setPlaying(null);
  }, []);

  useEffect(() => stop, [stop]);

  const play = useCallback(
    async (key: string, voiceId: string, text: string, settings: TtsSettingsInput, choices?: Record<string, string>) => {
      stop();
      setBusy(key);
      setError(null);
      try {
        const preview = await api.call('tts.preview', { voiceId, text, settings, ...(choices ? { choices } : {}) });
        setLast(preview);
        const element = new Audio(api.mediaUrl(preview.media));
        element.onended = () => setPlaying((current) => (current === key ? null : current));
        audio.current = element;
        setPlaying(key);
        element.onplaying = () => setPlays((n) => n + 1);
        await element.play().catch(() => undefined);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
      } finally {
        setBusy(null);
      }
    },
    [stop],
  );

  return { play, stop, playing, busy, error, last, plays };
}
