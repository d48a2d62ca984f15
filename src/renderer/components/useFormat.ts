import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import * as format from '../../shared/format.ts';

const language = (): format.FormatLanguage => (i18next.language === 'en' ? 'en' : 'vi');

/**
 * The shared formats (src/shared/format.ts) in the screen's current language: every screen writes
 * numbers, sizes, dates and times through this, never with toFixed or toLocaleString. Read at
 * call time, so a helper outside a component formats in the language of the render calling it.
 */
export const fmt = {
  language,
  number: (value: number, options?: format.NumberOptions) => format.formatNumber(value, language(), options),
  percent: (fraction: number, digits?: number) => format.formatPercent(fraction, language(), digits),
  bytes: (bytes: number) => format.formatBytes(bytes, language()),
  clock: (seconds: number, digits?: number) => format.formatClock(seconds, language(), digits),
  date: format.formatDate,
  time: format.formatTime,
  dateTime: format.formatDateTime,
};

/** `fmt`, re-rendering the component when the language changes. */
export function useFormat(): typeof fmt {
  useTranslation();
  return fmt;
}
