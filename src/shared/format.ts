/**
 * How the studio writes numbers, dates and times for people: the one place every screen (and the
 * CLI's human output) formats them, so "109,8 giây", "−23,0 LUFS" and "22:40 01/12/2026" look the
 * same everywhere. Vietnamese (vi-VN): comma decimals, "." between thousands, 24-hour time,
 * dd/mm/yyyy. English (en-GB): point decimals, the same 24-hour clock and day-first dates.
 * Both use the true minus sign (U+2212), as loudness meters and broadcast specifications print it.
 */
export type FormatLanguage = 'vi' | 'en';

export const MINUS = '\u2212';

const locale = (language: FormatLanguage) => (language === 'en' ? 'en-GB' : 'vi-VN');

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: FormatLanguage, minDigits: number, maxDigits: number, signed: boolean, grouping: boolean): Intl.NumberFormat {
  const key = `${language}|${minDigits}|${maxDigits}|${signed}|${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(language), {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
      signDisplay: signed ? 'exceptZero' : 'auto',
      useGrouping: grouping,
    });
    numberFormats.set(key, format);
  }
  return format;
}

export interface NumberOptions {
  /** Exactly this many decimals (default: up to 2, as many as needed). */
  digits?: number;
  /** Up to this many decimals (when `digits` is not given). */
  maxDigits?: number;
  /** Show "+" before positive values (a gain, a change). */
  signed?: boolean;
  /** Separate thousands (default); off for a value the user edits, which reads back unambiguously. */
  grouping?: boolean;
}

/** 109.8 → "109,8"; −4.6 → "−4,6"; 1234567 → "1.234.567". Infinity → "∞", −Infinity → "−∞". */
export function formatNumber(value: number, language: FormatLanguage = 'vi', options: NumberOptions = {}): string {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value < 0 ? `${MINUS}∞` : '∞';
  const min = options.digits ?? 0;
  const max = options.digits ?? options.maxDigits ?? 2;
  // Rounded first, so −0.04 at one decimal prints "0,0" rather than "−0,0".
  const factor = 10 ** max;
  const rounded = Math.round(value * factor) / factor || 0;
  return numberFormat(language, min, max, options.signed ?? false, options.grouping ?? true).format(rounded).replace(/-/g, MINUS);
}

/**
 * A number as a person types it, in either language: "0,5" and "0.5", "−16" (true minus), "-16",
 * "+3", spaces around. Where both "," and "." appear, the last one is the decimal mark and the other
 * separates thousands ("1.234,5", "1,234.5"); one mark alone is the decimal mark (the fields that
 * take decimals hold gains, gaps and levels, never thousands). Anything else: null.
 */
export function parseNumber(text: string): number | null {
  let t = text.trim().replace(/\u2212/g, '-').replace(/\s+/g, '');
  const comma = t.lastIndexOf(',');
  const point = t.lastIndexOf('.');
  if (comma >= 0 && point >= 0) {
    const grouping = comma > point ? '.' : ',';
    t = t.split(grouping).join('');
  } else if (t.split(comma >= 0 ? ',' : '.').length > 2) {
    return null;
  }
  t = t.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}

/** A percentage of a 0..1 fraction: 0.456 → "45,6 %" (vi) / "45.6%" (en). */
export function formatPercent(fraction: number, language: FormatLanguage = 'vi', digits = 0): string {
  const value = formatNumber(fraction * 100, language, { digits });
  return language === 'en' ? `${value}%` : `${value} %`;
}

/** A size in bytes: "850 kB", "12,4 MB", "1,2 GB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, language: FormatLanguage = 'vi'): string {
  if (bytes < 1000) return `${formatNumber(bytes, language, { digits: 0 })} B`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000, language, { maxDigits: bytes < 10_000 ? 1 : 0 })} kB`;
  if (bytes < 1_000_000_000) return `${formatNumber(bytes / 1_000_000, language, { maxDigits: 1 })} MB`;
  return `${formatNumber(bytes / 1_000_000_000, language, { maxDigits: 1 })} GB`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const toDate = (when: string | number | Date) => (when instanceof Date ? when : new Date(when));

/** "01/12/2026" in both languages (day first). An invalid date prints "—". */
export function formatDate(when: string | number | Date): string {
  const date = toDate(when);
  if (Number.isNaN(date.getTime())) return '—';
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** "22:40" (or "22:40:38" with seconds), 24-hour, in the machine's time zone. */
export function formatTime(when: string | number | Date, withSeconds = false): string {
  const date = toDate(when);
  if (Number.isNaN(date.getTime())) return '—';
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return withSeconds ? `${hm}:${pad(date.getSeconds())}` : hm;
}

/** "22:40 01/12/2026", as vi-VN writes a moment (time, then day). */
export function formatDateTime(when: string | number | Date, withSeconds = false): string {
  const date = toDate(when);
  if (Number.isNaN(date.getTime())) return '—';
  return `${formatTime(date, withSeconds)} ${formatDate(date)}`;
}

/** A clock reading of a length: 75.4 → "1:15"; with `digits`, "1:15,4"; over an hour, "1:02:03". */
export function formatClock(seconds: number, language: FormatLanguage = 'vi', digits = 0): string {
  const sign = seconds < 0 ? MINUS : '';
  const total = Math.abs(seconds);
  const factor = 10 ** digits;
  const rounded = Math.round(total * factor) / factor;
  const hours = Math.floor(rounded / 3600);
  const minutes = Math.floor((rounded % 3600) / 60);
  const rest = rounded - hours * 3600 - minutes * 60;
  const secondsText = formatNumber(rest, language, { digits }).padStart(digits > 0 ? digits + 3 : 2, '0');
  return `${sign}${hours > 0 ? `${hours}:${pad(minutes)}` : minutes}:${secondsText}`;
}
