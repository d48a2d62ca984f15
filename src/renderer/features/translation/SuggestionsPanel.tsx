import { useTranslation } from 'react-i18next';
import type { SegmentSuggestions, TranslationSegment } from '../../../shared/translation/index.ts';
import { wordDiff } from './word-diff.ts';

/**
 * What the editor is offered for the current segment: TM matches with score, band and a coloured
 * diff of the memory's source against this one; the glossary terms it contains with their required
 * translation; machine candidates, labelled "máy dịch" with engine and confidence (suggestions
 * only: nothing here is approved until the editor approves the segment).
 */
export function SuggestionsPanel({ segment, suggestions, onInsert }: {
  segment: TranslationSegment;
  suggestions: SegmentSuggestions | null;
  onInsert: (text: string) => void;
}) {
  const { t } = useTranslation('translation');
  return (
    <aside className="card" data-testid="suggestions">
      <h2>{t('bench.suggestions', { index: segment.index + 1 })}</h2>
      {!suggestions && <p className="muted">{t('bench.loadingSuggestions')}</p>}
      {suggestions && (
        <>
          <h3>{t('bench.tmMatches')}</h3>
          {suggestions.tm.length === 0 && <p className="muted">{t('bench.noTm')}</p>}
          <ul className="tr-list" data-testid="tm-matches">
            {suggestions.tm.map((match) => (
              <li key={match.entry.id}>
                <div className="tr-match-head">
                  <span className={`badge tr-band-${match.band}`}>{match.inContext ? t('origin.exact-in-context') : t(`band.${match.band}`)}</span>
                  <button type="button" onClick={() => onInsert(match.entry.target)}>
                    {t('bench.insert')}
                  </button>
                </div>
                <div className="tr-diff" title={t('bench.diffLegend')}>
                  {wordDiff(match.entry.source, segment.source).map((part, i) => (
                    <span key={i} className={`tr-diff-${part.kind}`}>
                      {part.text}{' '}
                    </span>
                  ))}
                </div>
                <div className="tr-text">{match.entry.target}</div>
              </li>
            ))}
          </ul>
          <h3>{t('bench.glossary')}</h3>
          {suggestions.glossary.length === 0 && <p className="muted">{t('bench.noGlossary')}</p>}
          <ul className="tr-list" data-testid="glossary-terms">
            {suggestions.glossary.map((term) => (
              <li key={term.id}>
                <mark>{term.term}</mark> → <strong className="tr-text">{term.translation}</strong>
                {term.kind === 'do-not-translate' && <span className="badge">{t('bench.doNotTranslate')}</span>}
                {term.note && <span className="muted"> — {term.note}</span>}
              </li>
            ))}
          </ul>
          <h3>{t('bench.machine')}</h3>
          {suggestions.machine.length === 0 && <p className="muted">{t('bench.noMachine')}</p>}
          <ul className="tr-list" data-testid="machine">
            {suggestions.machine.map((candidate, i) => (
              <li key={i}>
                <div className="tr-match-head">
                  <span className="badge tr-machine">{t('bench.machineBy', { engine: candidate.engine, confidence: Math.round(candidate.confidence * 100) })}</span>
                  <button type="button" onClick={() => onInsert(candidate.text)}>
                    {t('bench.insert')}
                  </button>
                </div>
                <div className="tr-text">
                  {/* Words the engine could not translate (copied through) are marked. */}
                  {markedPieces(candidate.text, candidate.marks).map((piece, j) => (
                    <span key={j} className={piece.unknown ? 'tr-uncovered' : ''}>
                      {piece.text}
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

function markedPieces(text: string, marks: SegmentSuggestions['machine'][number]['marks']) {
  const pieces: { text: string; unknown: boolean }[] = [];
  let at = 0;
  for (const mark of [...marks].filter((m) => m.kind === 'unknown').sort((a, b) => a.start - b.start)) {
    if (mark.start < at) continue;
    if (mark.start > at) pieces.push({ text: text.slice(at, mark.start), unknown: false });
    pieces.push({ text: text.slice(mark.start, mark.end), unknown: true });
    at = mark.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), unknown: false });
  return pieces;
}
