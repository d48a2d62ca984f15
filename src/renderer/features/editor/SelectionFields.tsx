import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Selection } from './useWaveform.ts';
import { parseNumber } from '../../../shared/format.ts';
import { useFormat } from '../../components/useFormat.ts';

/**
 * The selection as numbers, editable: a cut placed to the millisecond, as in Audition's
 * selection panel, and not only as far as a mouse drag allows.
 */
export function SelectionFields({ selection, duration, onSelect }: { selection: Selection | null; duration: number; onSelect: (start: number, end: number) => void }) {
  const { t } = useTranslation('editor');
  const fmt = useFormat();
  const language = fmt.language();
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  useEffect(() => {
    setStart(selection ? fmt.number(selection.start, { digits: 3, grouping: false }) : '');
    setEnd(selection ? fmt.number(selection.end, { digits: 3, grouping: false }) : '');
  }, [selection, fmt, language]);

  const commit = () => {
    // Typed as the language writes it ("1,250") or with a point ("1.25"): the one shared reading.
    const s = parseNumber(start);
    const e = parseNumber(end);
    if (s !== null && e !== null && s >= 0 && e > s && e <= duration + 1e-9) onSelect(s, e);
  };
  return (
    <span className="ed-selection" data-testid="selection" data-start={selection?.start ?? ''} data-end={selection?.end ?? ''}>
      {t('status.selection')}:
      <input type="text" inputMode="decimal" value={start} onChange={(e) => setStart(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} aria-label={t('status.selectionStart')} data-testid="selection-start" />
      –
      <input type="text" inputMode="decimal" value={end} onChange={(e) => setEnd(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} aria-label={t('status.selectionEnd')} data-testid="selection-end" />
      s
    </span>
  );
}
