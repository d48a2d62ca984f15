import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingSentence } from '../../../shared/api/reading.ts';
import type { TtsResult } from '../../../shared/api/tts.ts';
import { MAX_SCRIPT_CHARS } from '../../../shared/api/library-types.ts';
import { canonicalLanguageCode } from '../../../shared/translation/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { useRequest } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { waitForJob } from '../../api/wait-for-job.ts';
import ReadingPreview from '../reading/ReadingPreview.tsx';
import { DEFAULT_SETTINGS, SettingsPanel, toRequestSettings, type ReadingSettings } from './SettingsPanel.tsx';
import { SpeechResult } from './SpeechResult.tsx';
import { usePreviewPlayer } from './usePreviewPlayer.ts';
import { VoicePackManager } from './VoicePackManager.tsx';
import { VoicePicker } from './VoicePicker.tsx';
import './tts.css';
import { RunningJob } from '../../components/RunningJob.tsx';
import type { JobInfo } from '../../../shared/api/jobs.ts';


/**
 * Giọng đọc: #/tts for any text, #/tts/<bulletinId> to give a bulletin its audio. The script on the
 * left, what the voice will say (the reading preview, with a play button per sentence) on the
 * right; voice, reading settings, generate, the resulting waveform, and the voice packs.
 */
export default function TtsScreen({ param }: { param?: string }) {
  const { t } = useTranslation('tts');
  const bulletinId = param && /^\d+$/.test(param) ? Number(param) : null;
  const bulletin = useRequest('bulletin.get', bulletinId === null ? null : { id: bulletinId });
  const voices = useRequest('voice.list', {});
  const [text, setText] = useState('');
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [voiceId, setVoiceId] = useState('builtin:vi');
  const [speaker, setSpeaker] = useState<number | undefined>(undefined);
  const [settings, setSettings] = useState<ReadingSettings>(DEFAULT_SETTINGS);
  const [generating, setGenerating] = useState(false);
  const [started, setStarted] = useState<JobInfo | null>(null);
  const [result, setResult] = useState<TtsResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const player = usePreviewPlayer();

  useEffect(() => {
    if (bulletin.data) setText(bulletin.data.script);
  }, [bulletin.data]);

  // A bulletin in an ethnic language starts with a voice of that language when one is installed.
  const language = bulletin.data?.language;
  useEffect(() => {
    // Codes compared canonically: a pack may say "km" of a bulletin in "khm".
    const code = language ? canonicalLanguageCode(language) : null;
    const match = code && code !== 'vie' ? voices.data?.find((v) => v.languages.some((l) => canonicalLanguageCode(l) === code)) : undefined;
    if (match) {
      setVoiceId(match.id);
      setSpeaker(match.speakers[0]?.id);
    }
  }, [language, voices.data]);

  const requestSettings = toRequestSettings(settings, speaker);

  const generate = useCallback(async () => {
    setGenerating(true);
    setError(null);
    setResult(null);
    try {
      if (bulletinId !== null && bulletin.data && bulletin.data.script !== text) {
        await api.call('bulletin.update', { id: bulletinId, changes: { script: text } });
      }
      const job = await api.call('tts.synthesize', {
        voiceId,
        settings: requestSettings,
        choices,
        ...(bulletinId !== null ? { bulletinId } : { text }),
      });
      setStarted(job);
      setResult(await waitForJob(job));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
    } finally {
      setGenerating(false);
    }
  }, [bulletinId, bulletin.data, text, voiceId, requestSettings, choices]);

  const sentenceActions = useCallback(
    (sentence: ReadingSentence, index: number) => {
      const key = `sentence-${index}`;
      return (
        <button
          type="button"
          className="link tts-sentence-play"
          data-testid="tts-sentence-play"
          disabled={player.busy !== null || !sentence.spoken.trim()}
          onClick={() => (player.playing === key ? player.stop() : void player.play(key, voiceId, sentence.text, requestSettings, choices))}
        >
          {player.playing === key ? t('stop') : t('playSentence')}
        </button>
      );
    },
    [player, voiceId, requestSettings, choices, t],
  );

  const title = bulletin.data ? t('titleFor', { title: bulletin.data.title }) : t('title');
  return (
    <Page
      title={title}
      actions={
        <button type="button" className="primary" data-testid="tts-generate" disabled={generating || !text.trim()} onClick={() => void generate()}>
          {generating ? t('generating') : t('generate')}
        </button>
      }
    >
      {generating && <RunningJob job={started} label={t('generating')} />}
      <ErrorNotice error={error ?? bulletin.error ?? voices.error} onClose={() => setError(null)} />
      <ErrorNotice error={player.error} />
      <div className="tts-grid" data-testid="tts-grid" data-plays={player.plays}>
        <div className="tts-column">
          <label className="tts-script">
            {t('script')}
            <textarea
              data-testid="tts-script"
              value={text}
              maxLength={MAX_SCRIPT_CHARS}
              rows={14}
              placeholder={t('scriptPlaceholder')}
              onChange={(e) => setText(e.target.value)}
            />
            <span className="muted">{t('characters', { count: text.length })}</span>
          </label>
          {voices.data && (
            <VoicePicker
              voices={voices.data}
              voiceId={voiceId}
              speaker={speaker}
              onChange={(id, s) => {
                setVoiceId(id);
                setSpeaker(s);
              }}
              onSample={() => void player.play('sample', voiceId, '', requestSettings)}
              onStop={player.stop}
              sampleBusy={player.busy !== null}
              samplePlaying={player.playing === 'sample'}
            />
          )}
          <SettingsPanel value={settings} onChange={setSettings} />
          {result && <SpeechResult result={result} />}
        </div>
        <div className="tts-column">
          <ReadingPreview text={text} choices={choices} onChoicesChange={setChoices} sentenceActions={sentenceActions} />
        </div>
      </div>
      {voices.data && <VoicePackManager voices={voices.data} onChanged={voices.reload} />}
    </Page>
  );
}
