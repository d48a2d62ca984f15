import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentTake, TranslationSegment } from '../../../shared/translation/index.ts';
import { api } from '../../api/client.ts';
import { useFormat } from '../../components/useFormat.ts';

/** Plays one take at a time; a second play stops the first. */
export function useTakePlayer() {
  const [playing, setPlaying] = useState<number | null>(null);
  const audio = useRef<HTMLAudioElement | null>(null);
  const stop = useCallback(() => {
    audio.current?.pause();
    audio.current = null;
    setPlaying(null);
  }, []);
  const play = useCallback((take: SegmentTake) => {
    stop();
    const element = new Audio(api.mediaUrl(take.file));
    element.onended = () => setPlaying((current) => (current === take.index ? null : current));
    audio.current = element;
    setPlaying(take.index);
    void element.play().catch(() => setPlaying(null));
  }, [stop]);
  useEffect(() => stop, [stop]);
  return { playing, play, stop };
}

/**
 * A segment's voicing in the editor: whether it has a take (and whether its text changed since),
 * or will be spoken by the voice, or is still missing; record / re-record and play its take.
 */
export function SegmentVoicing(props: {
  segment: TranslationSegment;
  take: SegmentTake | undefined;
  voiceName: string | null;
  recording: boolean;
  playing: boolean;
  onRecord: () => void;
  onPlay: () => void;
  onStop: () => void;
}) {
  const { t } = useTranslation('translation');
  const fmt = useFormat();
  const { segment, take, voiceName } = props;
  const status = take
    ? { className: take.outdated ? 'tr-take-outdated' : 'tr-take-ok', text: t(take.outdated ? 'voicing.takeOutdated' : 'voicing.take', { seconds: fmt.number(take.durationSec, { digits: 1 }) }) }
    : voiceName
      ? { className: 'tr-take-voice', text: t('voicing.byVoice', { voice: voiceName }) }
      : segment.target.trim()
        ? { className: 'tr-take-missing', text: t('voicing.missing') }
        : null;
  return (
    <div className="tr-voicing" data-testid={`voicing-${segment.index}`} data-take={take ? take.assetId : ''}>
      {status && <span className={`badge ${status.className}`} data-testid={`take-status-${segment.index}`}>{status.text}</span>}
      <button type="button" className={props.recording ? 'primary' : ''} onClick={props.onRecord} data-testid={`record-segment-${segment.index}`}>
        ● {take ? t('voicing.rerecord') : t('voicing.record')}
      </button>
      {take && (
        <button type="button" onClick={props.playing ? props.onStop : props.onPlay} data-testid={`play-take-${segment.index}`} data-playing={props.playing}>
          {props.playing ? `■ ${t('voicing.stop')}` : `▶ ${t('voicing.play')}`}
        </button>
      )}
    </div>
  );
}
