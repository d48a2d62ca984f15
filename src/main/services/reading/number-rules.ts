/**
 * Plain numbers in running text, with what may follow them (a unit, a currency, "%").
 * "." groups thousands and "," marks decimals (5.000.000; 5,3 tỷ). Text copied from English
 * sources is handled too: "1,000,000" (several comma groups) is read as thousands, "2.5" (one or
 * two digits after a dot) as a decimal. "1,500" can be either: flagged for the editor, read the
 * Vietnamese way by default.
 */
import { readDecimal, readDigits, readInteger, type NumberStyle } from './numbers.ts';
import type { Reading, Rule } from './rule.ts';
import { CURRENCY_PREFIX, UNIT_SUFFIX, unitSpoken } from './units-currency.ts';

const NUMBER =
  '(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d{1,3}(?:,\\d{3}){2,}(?:\\.\\d+)?|\\d+(?:\\.\\d+){2,}|\\d+,\\d+|\\d+\\.\\d{1,2}(?![\\d.])|\\d+)';

/** Reads one written number (any of the shapes in NUMBER); returns every plausible reading. */
export function readWrittenNumber(written: string, style: NumberStyle): string[] {
  if (/^\d{1,3}(?:,\d{3}){2,}/.test(written)) {
    const [int, frac] = written.split('.');
    return [readDecimal(int!.replace(/,/g, ''), frac, style)];
  }
  if (/^\d+(?:\.\d+){2,}$/.test(written) && !/^\d{1,3}(?:\.\d{3})+$/.test(written)) {
    // Section numbers such as "1.2.3": "một chấm hai chấm ba".
    return [written.split('.').map((p) => readInteger(p, style)).join(' chấm ')];
  }
  if (/^\d{1,3}(?:\.\d{3})+/.test(written)) {
    const [int, frac] = written.split(',');
    return [readDecimal(int!, frac, style)];
  }
  if (/^\d+\.\d{1,2}$/.test(written)) {
    // "1.2": in Vietnamese text a section number ("một chấm hai"); an English decimal is possible.
    const [int, frac] = written.split('.');
    return [`${readInteger(int!, style)} chấm ${readInteger(frac!, style)}`, readDecimal(int!, frac, style)];
  }
  if (/^\d+,\d+$/.test(written)) {
    const [int, frac] = written.split(',');
    const decimal = readDecimal(int!, frac, style);
    // "1,500": Vietnamese decimal, or an English thousands separator.
    if (/^\d{1,3},\d{3}$/.test(written)) return [decimal, readInteger(int! + frac!, style)];
    return [decimal];
  }
  if (written.length >= 3 && written.startsWith('0')) return [readDigits(written)];
  if (written.length > 15) return [readDigits(written)];
  return [readInteger(written, style)];
}

const aloneOnLine = (text: string, start: number, length: number) =>
  /(^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 20), start)) && /^[ \t]*(\n|$)/.test(text.slice(start + length, start + length + 20));

function withUnit(readings: string[], unit: string | undefined): string[] {
  return unit ? readings.map((r) => `${r} ${unitSpoken(unit)}`) : readings;
}

export const numberRules: Rule[] = [
  {
    name: 'currency-prefix',
    pattern: new RegExp(`([$€])\\s?${NUMBER}(?:\\s?(triệu|tỷ|nghìn|ngàn))?`, 'uy'),
    read: (m, ctx): Reading => {
      const readings = readWrittenNumber(m[2]!, ctx.style);
      const scale = m[3] ? ` ${m[3]}` : '';
      return { spoken: `${readings[0]}${scale} ${CURRENCY_PREFIX[m[1]!]}`, kind: 'number' };
    },
  },
  {
    name: 'number',
    pattern: new RegExp(`${NUMBER}(?:${UNIT_SUFFIX})?`, 'uy'),
    midWord: true,
    read: (m, ctx): Reading => {
      // Digits glued to letters are a code ("IR50404", "KH2024"): digit by digit, like a phone number.
      if (/\p{L}/u.test(ctx.text[ctx.index - 1] ?? '') && /^\d{3,}$/.test(m[1]!) && !m[2] && !m[3]) {
        return { spoken: readDigits(m[1]!), kind: 'number', length: m[1]!.length };
      }
      const unit = m[2] ?? m[3];
      let readings = readWrittenNumber(m[1]!, ctx.style);
      // With a unit after it, "2.5" can only be a decimal: "2.5%" → "hai phẩy năm phần trăm".
      if (unit && /^\d+\.\d{1,2}$/.test(m[1]!)) readings = readings.slice(1);
      // Alone on its line (a table's row number, "1.2"), it is a section number for sure.
      else if (readings.length > 1 && /^\d+\.\d{1,2}$/.test(m[1]!) && aloneOnLine(ctx.text, ctx.index, m[0].length)) readings = readings.slice(0, 1);
      readings = withUnit(readings, unit);
      return readings.length > 1
        ? { spoken: readings[0]!, options: readings, kind: 'number' }
        : { spoken: readings[0]!, kind: 'number' };
    },
  },
];
