import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaIssue, SegmentSuggestions, TranslationSegment, TranslationView } from '../../../shared/translation/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { useRequest } from '../../api/hooks.ts';
import { navigate } from '../../app/router.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Page } from '../../components/Page.tsx';
import { AssemblePanel } from './AssemblePanel.tsx';
import { CharacterPalette } from './CharacterPalette.tsx';
import { SegmentVoicing, useTakePlayer } from './SegmentVoicing.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import { TakeRecorder } from './TakeRecorder.tsx';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));

/** The draft as pre-translation left it: covered pieces plain, pieces still in Vietnamese marked. */
function DraftSpans({ segment }: { segment: TranslationSegment }) {
  const { t } = useTranslation('translation');
  if (segment.state !== 'pre-translated' || !segment.spans.some((s) => !s.covered)) return null;
  return (
    <div className="tr-spans" data-testid="draft-spans">
      {segment.spans.map((span, i) => (
        <span key={i} className={span.covered ? '' : 'tr-uncovered'} title={span.covered ? undefined : t('uncovered')}>
          {span.text}{' '}
        </span>
      ))}
    </div>
  );
}

function originText(t: (key: string, options?: Record<string, unknown>) => string, segment: TranslationSegment): string {
  if (!segment.origin) return '';
  return t(`origin.${segment.origin}`, { score: segment.score ?? 0 });
}

/**
 * The side-by-side editor of one translation (#/translation/<id>): source on the left, the
 * translation on the right, keyboard first (Ctrl+Enter approves and moves on, Ctrl+↑/↓ move,
 * Ctrl+I inserts the best suggestion, Ctrl+K copies the source), suggestions and QA of the current
 * segment beside it.
 */
export function Workbench({ id }: { id: number }) {
  const { t } = useTranslation('translation');
  const [view, setView] = useState<TranslationView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [current, setCurrent] = useState(0);
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [suggestions, setSuggestions] = useState<SegmentSuggestions | null>(null);
  const boxes = useRef(new Map<number, HTMLTextAreaElement>());
  /** The recorder is open (the microphone with it) for the current segment while this is set. */
  const [recorderOpen, setRecorderOpen] = useState(false);
  const [voiceId, setVoiceId] = useState<string | null>(null);
  const player = useTakePlayer();
  const languages = useRequest('translation.language.list', {});
  const targetName = languages.data?.find((l) => l.code === view?.to)?.nameVi ?? view?.to ?? '';

  const load = useCallback(async () => {
    try {
      const loaded = await api.call('translation.get', { id });
      setView(loaded);
      setVoiceId((chosen) => chosen ?? loaded.voicing.voices[0]?.id ?? '');
      setDrafts(Object.fromEntries(loaded.segments.map((s) => [s.index, s.target])));
    } catch (e) {
      setError(asApiError(e));
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  // The current segment's suggestions: TM, glossary, machine (the engine may take a moment).
  useEffect(() => {
    if (!view) return;
    let live = true;
    setSuggestions(null);
    api.call('translation.segment.suggest', { id, index: current }).then(
      (found) => live && setSuggestions(found),
      (e: unknown) => live && setError(asApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [id, current, view?.id]);

  const focus = (index: number) => {
    if (!view) return;
    const next = Math.max(0, Math.min(view.segments.length - 1, index));
    setCurrent(next);
    requestAnimationFrame(() => boxes.current.get(next)?.focus());
  };

  /** Stores the typed text when it differs from what is stored. */
  const save = async (segment: TranslationSegment): Promise<boolean> => {
    const text = drafts[segment.index] ?? segment.target;
    if (text === segment.target) return true;
    try {
      const saved = await api.call('translation.segment.update', { id, index: segment.index, target: text });
      // Only this row changes: a reload would overwrite what is being typed in the next one.
      setView((v) => v && { ...v, segments: v.segments.map((s) => (s.index === saved.index ? saved : s)) });
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    }
  };

  const approve = async (segment: TranslationSegment, moveOn: boolean) => {
    setError(null);
    if (!(await save(segment))) return;
    try {
      await api.call('translation.segment.approve', { id, index: segment.index });
      await load();
      if (moveOn) focus(segment.index + 1);
    } catch (e) {
      setError(asApiError(e));
    }
  };

  const reject = async (segment: TranslationSegment) => {
    if (!(await save(segment))) return;
    try {
      await api.call('translation.segment.reject', { id, index: segment.index });
      await load();
    } catch (e) {
      setError(asApiError(e));
    }
  };

  const setDraft = (index: number, text: string) => setDrafts((d) => ({ ...d, [index]: text }));

  const best = (): string | null => {
    const tm = suggestions?.tm[0];
    if (tm && tm.score >= 75) return tm.entry.target;
    return suggestions?.machine[0]?.text ?? tm?.entry.target ?? null;
  };

  const onKey = (segment: TranslationSegment) => (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void approve(segment, true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void save(segment);
      focus(segment.index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key.toLowerCase() === 'i') {
      event.preventDefault();
      const text = best();
      if (text !== null) setDraft(segment.index, text);
    } else if (event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setDraft(segment.index, segment.source);
    }
  };

  const insertLetter = (letter: string) => {
    const box = boxes.current.get(current);
    if (!box) return;
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? start;
    setDraft(current, box.value.slice(0, start) + letter + box.value.slice(end));
    requestAnimationFrame(() => {
      box.focus();
      box.setSelectionRange(start + letter.length, start + letter.length);
    });
  };

  if (!view) {
    return (
      <Page title={t('screenTitle')}>
        <ErrorNotice error={error} />
        {!error && <p className="muted">{t('common:loading')}</p>}
      </Page>
    );
  }

  const qaOf = (index: number): QaIssue[] => view.qa.filter((issue) => issue.segment === index);
  const takeOf = new Map(view.voicing.takes.map((take) => [take.index, take]));
  const voiceName = view.voicing.voices.find((v) => v.id === voiceId)?.name ?? null;
  const segment = view.segments.find((s) => s.index === current) ?? view.segments[0]!;

  return (
    <Page
      title={view.link.sourceTitle ? t('bench.translationOf', { title: view.link.sourceTitle }) : t('screenTitle')}
      actions={
        <>
          <span className="badge" data-testid="progress">
            {t('progress', view.progress)}
          </span>
          {view.link.sourceBulletinId !== null && (
            <button type="button" onClick={() => navigate('bulletins', view.link.sourceBulletinId!)}>
              {t('bench.openSource')}
            </button>
          )}
          {view.link.sourceBulletinId !== null && (
            <button type="button" onClick={() => api.call('translation.refresh', { id }).then(() => load(), (e: unknown) => setError(asApiError(e)))}>
              {t('bench.refresh')}
            </button>
          )}
          {view.link.targetBulletinId !== null && (
            <button type="button" data-testid="voice-target" title={t('bench.voiceHint')} onClick={() => navigate('tts', view.link.targetBulletinId!)}>
              {t('bench.voice')}
            </button>
          )}
          {view.link.targetBulletinId !== null && (
            <button type="button" className="primary" data-testid="open-target" onClick={() => navigate('bulletins', view.link.targetBulletinId!)}>
              {t('bench.openTarget', { language: targetName })}
            </button>
          )}
        </>
      }
    >
      <ErrorNotice error={error} onClose={() => setError(null)} />
      {view.sourceOutdated && (
        <div className="notice notice-warn" role="alert" data-testid="source-outdated">
          <span>{t('bench.sourceOutdated')}</span>
          <button type="button" onClick={() => api.call('translation.refresh', { id }).then(() => load(), (e: unknown) => setError(asApiError(e)))}>
            {t('bench.refresh')}
          </button>
        </div>
      )}
      <p className="muted tr-hint">{t('bench.approveHint')}</p>
      <CharacterPalette onInsert={insertLetter} />
      <div className="tr-bench">
        <div className="tr-segments" data-testid="segments">
          <div className="tr-row tr-head">
            <span />
            <strong>{t('bench.source')}</strong>
            <strong>{t('bench.target')}</strong>
          </div>
          {view.segments.map((s) => {
            const issues = qaOf(s.index);
            return (
              <div
                key={s.index}
                className={`tr-row tr-state-${s.state} ${s.index === current ? 'tr-current' : ''}`}
                data-testid={`segment-${s.index}`}
                data-state={s.state}
                onClick={() => setCurrent(s.index)}
              >
                <span className="tr-number">
                  {s.index + 1}
                  <span className={`badge tr-badge-${s.state}`}>{t(`state.${s.state}`)}</span>
                </span>
                <div className={`tr-source tr-kind-${s.kind}`} lang="vi">
                  {s.source}
                  {s.origin && <div className="tr-origin muted">{originText(t, s)}</div>}
                </div>
                <div className="tr-target">
                  <textarea
                    ref={(el) => void (el ? boxes.current.set(s.index, el) : boxes.current.delete(s.index))}
                    className="tr-text"
                    lang={view.to}
                    rows={Math.max(2, Math.ceil((drafts[s.index] ?? s.target).length / 60))}
                    value={drafts[s.index] ?? s.target}
                    onChange={(e) => setDraft(s.index, e.target.value)}
                    onFocus={() => setCurrent(s.index)}
                    onBlur={() => void save(s)}
                    onKeyDown={onKey(s)}
                    aria-label={`${t('bench.target')} ${s.index + 1}`}
                    data-testid={`target-${s.index}`}
                  />
                  <DraftSpans segment={s} />
                  {s.sourceChanged && <p className="notice notice-warn">{t('bench.sourceChanged')}</p>}
                  {issues.length > 0 && (
                    <ul className="tr-qa" data-testid={`qa-${s.index}`}>
                      {issues.map((issue, i) => (
                        <li key={i}>⚠ {t(`qa.${issue.code}`, issue.params)}</li>
                      ))}
                    </ul>
                  )}
                  <div className="tr-actions">
                    <button type="button" className="primary" onClick={() => void approve(s, true)} data-testid={`approve-${s.index}`}>
                      {t('bench.approve')}
                    </button>
                    <button type="button" onClick={() => void reject(s)}>
                      {t('bench.reject')}
                    </button>
                    <button type="button" onClick={() => setDraft(s.index, s.source)}>
                      {t('bench.copySource')}
                    </button>
                  </div>
                  <SegmentVoicing
                    segment={s}
                    take={takeOf.get(s.index)}
                    voiceName={voiceName}
                    recording={recorderOpen && s.index === current}
                    playing={player.playing === s.index}
                    onRecord={() => {
                      setCurrent(s.index);
                      setRecorderOpen(true);
                    }}
                    onPlay={() => player.play(takeOf.get(s.index)!)}
                    onStop={player.stop}
                  />
                </div>
              </div>
            );
          })}
        </div>
        <div className="tr-side">
          {recorderOpen && (
            <TakeRecorder
              translationId={id}
              index={segment.index}
              onAttached={() => void load()}
              onClose={() => setRecorderOpen(false)}
            />
          )}
          <AssemblePanel view={view} voiceId={voiceId ?? ''} onVoice={setVoiceId} onAssembled={() => void load()} />
          <SuggestionsPanel
            segment={segment}
            suggestions={suggestions}
            onInsert={(text) => {
              setDraft(segment.index, text);
              focus(segment.index);
            }}
          />
        </div>
      </div>
    </Page>
  );
}
