import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingAmbiguity, ReadingPart, ReadingSentence } from '../../../shared/api/reading.ts';

/** Parts worth pointing out: everything the rules rewrote (plain words and punctuation are not). */
const HIGHLIGHT = new Set<ReadingPart['kind']>(['number', 'date', 'time', 'phone', 'citation', 'abbreviation', 'spelled', 'roman', 'dictionary']);

interface Props {
  sentence: ReadingSentence;
  ambiguities: ReadingAmbiguity[];
  onChoose(ambiguity: ReadingAmbiguity, reading: string): void;
}

/**
 * One sentence exactly as it will be spoken (`sentence.spoken`, character for character), with
 * each rewritten stretch marked (its source in the tooltip) and each ambiguous one a choice.
 */
export function SpokenSentence({ sentence, ambiguities, onChoose }: Props) {
  const { t } = useTranslation('reading');
  const spoken = sentence.spoken;
  const pieces: ReactNode[] = [];
  let cursor = 0;
  sentence.parts.forEach((part, i) => {
    if (!HIGHLIGHT.has(part.kind)) return;
    const said = part.spoken.trim();
    const at = said ? spoken.indexOf(said, cursor) : -1;
    if (at < 0) return;
    if (at > cursor) pieces.push(spoken.slice(cursor, at));
    const ambiguity = part.ambiguity === undefined ? undefined : ambiguities[part.ambiguity];
    if (ambiguity) {
      pieces.push(
        <span key={i} className="reading-ambiguous" data-testid="reading-ambiguity" title={t('ambiguous', { source: part.source })}>
          <select
            aria-label={t('ambiguous', { source: part.source })}
            value={ambiguity.chosen}
            onChange={(e) => onChoose(ambiguity, e.target.value)}
          >
            {[...new Set([ambiguity.chosen, ...ambiguity.options])].map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
          <small className="reading-source">{part.source}</small>
        </span>,
      );
    } else {
      pieces.push(
        <mark key={i} className={`reading-part reading-${part.kind}`} title={`${t(`kinds.${part.kind}`)}: ${part.source}`}>
          {said}
        </mark>,
      );
    }
    cursor = at + said.length;
  });
  if (cursor < spoken.length) pieces.push(spoken.slice(cursor));
  // data-user-content: the user's own text as spoken, not words of the interface (the Vietnamese walk test skips it).
  return (
    <span className="reading-spoken" data-user-content>
      {pieces}
    </span>
  );
}
