import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingAmbiguity, ReadingPreview as Preview, ReadingSentence } from '../../../shared/api/reading.ts';
import { useRequest, useStudioEvent } from '../../api/hooks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { SpokenSentence } from './SpokenSentence.tsx';
import { useDebouncedValue } from './useDebouncedValue.ts';
import './reading.css';
import { fmt } from '../../components/useFormat.ts';

export interface ReadingPreviewProps {
  /** The script as typed. */
  text: string;
  /** Controlled choices for ambiguous expansions (key: offset or source, see reading.preview). */
  choices?: Record<string, string>;
  onChoicesChange?(choices: Record<string, string>): void;
  /** Each new preview, e.g. for the TTS screen to synthesise the same sentences. */
  onPreview?(preview: Preview): void;
  /** Extra controls per sentence (the TTS screen puts its "play this sentence" button here). */
  sentenceActions?(sentence: ReadingSentence, index: number): ReactNode;
  debounceMs?: number;
  /** Bump to re-read with the same text, e.g. after the pronunciation dictionary changed. */
  revision?: number;
}

/**
 * What the voice will say, sentence by sentence: numbers, dates, abbreviations and citations
 * written out, pauses shown, and a choice wherever a reading is ambiguous (TT = thị trấn /
 * thông tư / thủ tướng …). Embedded by the TTS screen next to the script editor.
 */
export default function ReadingPreview({ text, choices, onChoicesChange, onPreview, sentenceActions, debounceMs = 300, revision = 0 }: ReadingPreviewProps) {
  const { t } = useTranslation('reading');
  const [ownChoices, setOwnChoices] = useState<Record<string, string>>({});
  const [showSource, setShowSource] = useState(false);
  const activeChoices = choices ?? ownChoices;
  const settledText = useDebouncedValue(text, debounceMs);
  const { data, error, loading, reload } = useRequest(
    'reading.preview',
    settledText.trim() ? { text: settledText, choices: activeChoices } : null,
  );
  // Any screen's dictionary edit changes how this text is read.
  useStudioEvent('reading.dictionary.changed', () => reload());
  useEffect(() => {
    if (revision > 0) reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  // Reported once per new answer, whatever the identity of the parent's callback.
  const onPreviewRef = useRef(onPreview);
  onPreviewRef.current = onPreview;
  useEffect(() => {
    if (data) onPreviewRef.current?.(data);
  }, [data]);

  const choose = useCallback(
    (ambiguity: ReadingAmbiguity, reading: string) => {
      const next = { ...activeChoices, [String(ambiguity.start)]: reading };
      if (onChoicesChange) onChoicesChange(next);
      else setOwnChoices(next);
    },
    [activeChoices, onChoicesChange],
  );

  if (!text.trim()) return <p className="muted reading-empty">{t('empty')}</p>;

  const preview = settledText.trim() ? data : undefined;
  return (
    <section className="reading-preview" data-testid="reading-preview" aria-busy={loading}>
      <header className="reading-header">
        <h3>{t('title')}</h3>
        {preview && (
          <span className="muted" data-testid="reading-summary">
            {t('summary', { sentences: preview.sentences.length, ambiguities: preview.ambiguities.length })}
          </span>
        )}
        <label className="reading-toggle">
          <input type="checkbox" checked={showSource} onChange={(e) => setShowSource(e.target.checked)} /> {t('showSource')}
        </label>
      </header>
      <ErrorNotice error={error} />
      {preview && preview.encoding !== 'unicode' && <p className="notice">{t(`encoding.${preview.encoding}`)}</p>}
      {preview?.leadingPauseMs ? <p className="reading-pause">{t('pause', { seconds: fmt.number(preview.leadingPauseMs / 1000) })}</p> : null}
      {preview && (
        <ol className="reading-sentences">
          {preview.sentences.map((sentence, index) => (
            <li
              key={`${sentence.start}-${index}`}
              className={index > 0 && preview.sentences[index - 1]!.paragraph !== sentence.paragraph ? 'reading-sentence new-paragraph' : 'reading-sentence'}
              data-testid="reading-sentence"
            >
              <SpokenSentence sentence={sentence} ambiguities={preview.ambiguities} onChoose={choose} />
              {sentenceActions?.(sentence, index)}
              {showSource && <div className="reading-source-line muted">{t('source')}: <span data-user-content>{sentence.text}</span></div>}
              {sentence.pauseAfterMs ? <div className="reading-pause">{t('pause', { seconds: fmt.number(sentence.pauseAfterMs / 1000) })}</div> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
