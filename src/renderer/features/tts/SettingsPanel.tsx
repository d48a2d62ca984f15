import { useTranslation } from 'react-i18next';
import { LOUDNESS_PRESETS, type TtsSettingsInput } from '../../../shared/api/tts.ts';
import { fmt } from '../../components/useFormat.ts';

const RATES = [48000, 44100, 32000, 22050, 16000] as const;

export interface ReadingSettings {
  speed: number;
  sentencePauseMs: number;
  paragraphPauseMs: number;
  sampleRate: (typeof RATES)[number];
  loudness: (typeof LOUDNESS_PRESETS)[number];
}

export const DEFAULT_SETTINGS: ReadingSettings = { speed: 1, sentencePauseMs: 400, paragraphPauseMs: 900, sampleRate: 48000, loudness: 'broadcast' };

export const toRequestSettings = (s: ReadingSettings, speaker: number | undefined): TtsSettingsInput => ({
  ...s,
  ...(speaker !== undefined ? { speaker } : {}),
});

/** Speed, pauses, output rate and loudness preset. */
export function SettingsPanel({ value, onChange }: { value: ReadingSettings; onChange(next: ReadingSettings): void }) {
  const { t } = useTranslation('tts');
  const set = <K extends keyof ReadingSettings>(key: K, v: ReadingSettings[K]) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="subform tts-settings">
      <legend>{t('settings')}</legend>
      <label>
        {t('speed', { value: fmt.number(value.speed, { digits: 1 }) })}
        <input type="range" min={0.6} max={1.6} step={0.1} value={value.speed} onChange={(e) => set('speed', Number(e.target.value))} />
      </label>
      <div className="form-row">
        <label>
          {t('sentencePause')}
          <input type="number" min={0} max={5000} step={100} value={value.sentencePauseMs} onChange={(e) => set('sentencePauseMs', Number(e.target.value))} />
        </label>
        <label>
          {t('paragraphPause')}
          <input type="number" min={0} max={10000} step={100} value={value.paragraphPauseMs} onChange={(e) => set('paragraphPauseMs', Number(e.target.value))} />
        </label>
      </div>
      <div className="form-row">
        <label>
          {t('sampleRate')}
          <select value={value.sampleRate} onChange={(e) => set('sampleRate', Number(e.target.value) as ReadingSettings['sampleRate'])}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {r / 1000} kHz
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('loudness')}
          <select value={value.loudness} onChange={(e) => set('loudness', e.target.value as ReadingSettings['loudness'])}>
            {LOUDNESS_PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`loudnessPresets.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
