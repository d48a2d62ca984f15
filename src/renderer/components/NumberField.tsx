import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { parseNumber } from '../../shared/format.ts';
import { useFormat } from './useFormat.ts';

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'type' | 'min' | 'max'>;

/**
 * A number the user types, shown and read as the screen's language writes it: "0,5" and "−16" in
 * Vietnamese ("0.5" is accepted too), "0.5" in English. A browser's number input follows the
 * browser's locale instead, and drops a comma decimal. The value is committed on leaving the field
 * or on Enter, clamped to [min, max]; text that is no number puts the last value back.
 */
export function NumberField({ value, onChange, min = -Infinity, max = Infinity, digits = 2, testId, ...rest }: Passed & {
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  /** Decimals kept at most (0: a whole number). */
  digits?: number;
  testId?: string;
}) {
  const fmt = useFormat();
  const shown = fmt.number(value, { maxDigits: digits, grouping: false });
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const parsed = parseNumber(text);

  const commit = () => {
    if (parsed === null) return setText(shown);
    const factor = 10 ** digits;
    const next = Math.min(max, Math.max(min, Math.round(parsed * factor) / factor));
    setText(fmt.number(next, { maxDigits: digits, grouping: false }));
    if (next !== value) onChange(next);
  };
  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      value={text}
      aria-invalid={parsed === null}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      data-testid={testId}
    />
  );
}
