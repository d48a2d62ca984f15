import { useEffect, useState } from 'react';
import { parseNumber } from '../../shared/format.ts';
import { fmt } from './useFormat.ts';

/**
 * A number field written and read in the screen's language ("0,5", "−20" in Vietnamese), where a
 * browser's number field would show the browser's own "0.5". The value is kept within min..max
 * and committed when the field is left or Enter is pressed; text that is no number puts the value back.
 */
export function DecimalInput({ value, min, max, onCommit, testId }: { value: number; min: number; max: number; onCommit: (value: number) => void; testId?: string }) {
  const [text, setText] = useState(() => fmt.number(value));
  useEffect(() => setText(fmt.number(value)), [value]);
  const commit = () => {
    const typed = parseNumber(text, fmt.language());
    if (!Number.isFinite(typed)) return setText(fmt.number(value));
    const kept = Math.min(max, Math.max(min, typed));
    setText(fmt.number(kept));
    if (kept !== value) onCommit(kept);
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      data-testid={testId}
    />
  );
}
