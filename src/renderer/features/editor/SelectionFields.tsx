import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Selection } from './useWaveform.ts';

/**
 * The selection as numbers, editable: a cut placed to the millisecond, as in Audition's
 * selection panel, and not only as far as a mouse drag allows.
 */
export function SelectionFields({ selection, duration, onSelect }: { selection: Selection | null; duration: number; onSelect: (start: number, end: number) => void }) {
  const { t } = useTranslation('editor');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  useEffect(() => {
    setStart(selection ? selection.start.toFixed(3) : '');
    setEnd(selection ? selection.end.toFixed(3) : '');
  }, [selection]);

  const commit = () => {
    const s = Number(start);
    const e = Number(end);
    if (start !== '' && end !== '' && Number.isFinite(s) && Number.isFinite(e) && s >= 0 && e > s && e <= duration + 1e-9) onSelect(s, e);
  };
  return (
    <span className="ed-selection" data-testid="selection" data-start={selection?.start ?? ''} data-end={selection?.end ?? ''}>
      {t('status.selection')}:
      <input type="number" step={0.001} min={0} value={start} onChange={(e) => setStart(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} aria-label={t('status.selectionStart')} data-testid="selection-start" />
      –
      <input type="number" step={0.001} min={0} value={end} onChange={(e) => setEnd(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} aria-label={t('status.selectionEnd')} data-testid="selection-end" />
      s
    </span>
  );
}
