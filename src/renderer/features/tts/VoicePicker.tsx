import { useTranslation } from 'react-i18next';
import type { Voice } from '../../../shared/api/tts.ts';

export interface VoicePickerProps {
  voices: Voice[];
  voiceId: string;
  speaker: number | undefined;
  onChange(voiceId: string, speaker: number | undefined): void;
  onSample(): void;
  sampleBusy: boolean;
  samplePlaying: boolean;
  onStop(): void;
}

/** The voice (grouped by source), its speaker for multi-speaker voices, and a sample button. */
export function VoicePicker({ voices, voiceId, speaker, onChange, onSample, sampleBusy, samplePlaying, onStop }: VoicePickerProps) {
  const { t } = useTranslation('tts');
  const current = voices.find((v) => v.id === voiceId);
  const groups = (['builtin', 'pack', 'models'] as const).map((source) => ({ source, voices: voices.filter((v) => v.source === source) }));
  return (
    <div className="tts-voice-picker">
      <label>
        {t('voice')}
        <select
          value={voiceId}
          data-testid="tts-voice"
          onChange={(e) => {
            const next = voices.find((v) => v.id === e.target.value);
            onChange(e.target.value, next?.speakers[0]?.id);
          }}
        >
          {groups
            .filter((g) => g.voices.length)
            .map((g) => (
              <optgroup key={g.source} label={t(`packs.sources.${g.source}`)}>
                {g.voices.map((v) => (
                  <option key={v.id} value={v.id}>
                    {/* A built-in voice's name already says it is built in; a pack's says which engine runs it. */}
                    {t(`voiceName.${v.id.replace(/[:.]/g, '_')}`, { defaultValue: v.name })}
                    {v.source === 'builtin' ? '' : ` · ${t(`engines.${v.engine}`)}`} · {v.languages.join(', ')}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </label>
      {current && current.speakers.length > 1 && (
        <label>
          {t('speaker')}
          <select value={speaker ?? current.speakers[0]!.id} onChange={(e) => onChange(voiceId, Number(e.target.value))}>
            {current.speakers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" data-testid="tts-sample" disabled={sampleBusy} onClick={samplePlaying ? onStop : onSample}>
        {samplePlaying ? t('stop') : t('sample')}
      </button>
      {current?.warnings.map((w) => (
        <p key={w} className="notice notice-warn">
          {t(`warnings.${w}`, { defaultValue: w })}
        </p>
      ))}
    </div>
  );
}
