/**
 * Dates, date ranges, months and times.
 *  "18/9/2024"  → "ngày mười tám tháng chín năm hai nghìn không trăm hai mươi tư"
 *  "18-20/9/2024" → "từ ngày mười tám đến ngày hai mươi tháng chín năm …"
 *  "9/2024"     → "tháng chín năm …";  "7h30" → "bảy giờ ba mươi";  "19:45" → "mười chín giờ bốn mươi lăm"
 * The word already written before the number is not repeated ("ngày 18/9" → "ngày mười tám tháng
 * chín"). Month 4 is "tháng tư" (never "tháng bốn").
 */
import { readInteger, type NumberStyle } from './numbers.ts';
import { textAfter, wordsBefore, type Reading, type Rule, type RuleContext } from './rule.ts';

const validDay = (d: number) => d >= 1 && d <= 31;
const validMonth = (m: number) => m >= 1 && m <= 12;

export const readMonth = (m: string, style: NumberStyle): string => (Number(m) === 4 ? 'tư' : readInteger(m, style));

function dayMonth(d: string, m: string, style: NumberStyle): string {
  return `${readInteger(d, style)} tháng ${readMonth(m, style)}`;
}

/** Words after which "3/5" or "8.11" is a date. */
const DATE_WORDS = ['từ', 'đến', 'tới', 'hôm', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'vào', 'và', 'nay', 'mai', 'qua'];
const ADDRESS_WORDS = ['nhà', 'ngõ', 'ngách', 'hẻm', 'kiệt', 'kiốt', 'ki-ốt', 'lô'];

const lastWord = (ctx: RuleContext): string => wordsBefore(ctx, 1)[0] ?? '';
const afterNgay = (ctx: RuleContext): boolean => ['ngày', 'mồng', 'mùng'].includes(lastWord(ctx));

/** "ngày " unless the text just said it. */
const dayPrefix = (ctx: RuleContext) => (afterNgay(ctx) ? '' : 'ngày ');

/** For ranges: "từ ngày A đến ngày B", without repeating a written "từ" or "ngày". */
function rangePrefix(ctx: RuleContext): string {
  const last = lastWord(ctx);
  if (['ngày', 'mồng', 'mùng'].includes(last)) return '';
  if (last === 'từ') return 'ngày ';
  return 'từ ngày ';
}

const year = (y: string | undefined, style: NumberStyle) => (y ? ` năm ${readInteger(y, style)}` : '');

function time(h: string, min: string | undefined, sec: string | undefined, style: NumberStyle): string | null {
  const hours = Number(h);
  const minutes = min === undefined ? 0 : Number(min);
  if (hours > 24 || minutes > 59 || (sec !== undefined && Number(sec) > 59)) return null;
  let spoken = `${readInteger(h, style)} giờ`;
  if (sec !== undefined) return `${spoken} ${readInteger(min!, style)} phút ${readInteger(sec, style)} giây`;
  // "7h05": "bảy giờ năm phút", so the minutes are not heard as a year or a count.
  if (minutes > 0) spoken += minutes < 10 ? ` ${readInteger(min!, style)} phút` : ` ${readInteger(min!, style)}`;
  return spoken;
}

/** "lúc 11g", "đến 11g" right after a time ("8g30 đến 11g", "7h - 11g"), or "7g" before "- 11g". */
function timeExpected(ctx: RuleContext, length: number): boolean {
  if (lastWord(ctx) === 'lúc') return true;
  if (/^\s*(?:đến|tới|-|–)\s*\d{1,2}\s?[gGhH](?![\p{L}])/u.test(textAfter(ctx, length))) return true;
  const head = ctx.text.slice(Math.max(0, ctx.index - 24), ctx.index);
  return /\d{1,2}\s?[gGhH:](?:\d{2})?\s*(?:đến|tới|-|–)\s*$/u.test(head);
}

export const dateTimeRules: Rule[] = [
  {
    // "Số nhà 12/3", "ngõ 45/7/2": an address number ("mười hai trên ba"), never a date or fraction.
    name: 'address-number',
    pattern: /(\d+)\/(\d+)(?:\/(\d+))?(?![\d/])/uy,
    read: (m, ctx): Reading | null => {
      const before = wordsBefore(ctx, 2);
      if (!ADDRESS_WORDS.includes(before.at(-1) ?? '') && before.join(' ') !== 'số nhà') return null;
      const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined);
      return { spoken: parts.map((p) => readInteger(p, ctx.style)).join(' trên '), kind: 'number' };
    },
  },
  {
    name: 'date-range-days',
    pattern: /(\d{1,2})\s*[-–]\s*(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\d/])/uy,
    read: (m, ctx): Reading | null => {
      const [d1, d2, mo] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (!validDay(d1) || !validDay(d2) || d1 >= d2 || !validMonth(mo)) return null;
      const spoken = `${rangePrefix(ctx)}${readInteger(m[1]!, ctx.style)} đến ngày ${dayMonth(m[2]!, m[3]!, ctx.style)}${year(m[4], ctx.style)}`;
      return { spoken, kind: 'date' };
    },
  },
  {
    name: 'date-range-full',
    pattern: /(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s*[-–]\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/uy,
    read: (m, ctx): Reading | null => {
      if (![m[1], m[4]].every((d) => validDay(Number(d))) || ![m[2], m[5]].every((x) => validMonth(Number(x)))) return null;
      const first = `${dayMonth(m[1]!, m[2]!, ctx.style)}${year(m[3], ctx.style)}`;
      const second = `${dayMonth(m[4]!, m[5]!, ctx.style)}${year(m[6], ctx.style)}`;
      return { spoken: `${rangePrefix(ctx)}${first} đến ngày ${second}`, kind: 'date' };
    },
  },
  {
    name: 'date',
    pattern: /(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])/uy,
    read: (m, ctx): Reading | null => {
      if (!validDay(Number(m[1])) || !validMonth(Number(m[3]))) return null;
      return { spoken: `${dayPrefix(ctx)}${dayMonth(m[1]!, m[3]!, ctx.style)}${year(m[4], ctx.style)}`, kind: 'date' };
    },
  },
  {
    name: 'month-year',
    pattern: /(\d{1,2})[/-](\d{4})(?![\d/])/uy,
    read: (m, ctx): Reading | null => {
      if (!validMonth(Number(m[1]))) return null;
      const prefix = lastWord(ctx) === 'tháng' ? '' : 'tháng ';
      return { spoken: `${prefix}${readMonth(m[1]!, ctx.style)}${year(m[2], ctx.style)}`, kind: 'date' };
    },
  },
  {
    name: 'day-month',
    pattern: /(\d{1,2})\/(\d{1,2})(?![\d/,.]\d)/uy,
    read: (m, ctx): Reading | null => {
      if (!validDay(Number(m[1])) || !validMonth(Number(m[2]))) return null;
      const date = `${dayPrefix(ctx)}${dayMonth(m[1]!, m[2]!, ctx.style)}`;
      if (afterNgay(ctx)) return { spoken: date, kind: 'date' };
      // "3/5" may be a date or a fraction; a time word before it makes it a date.
      const fraction = `${readInteger(m[1]!, ctx.style)} phần ${readInteger(m[2]!, ctx.style)}`;
      const isDate = DATE_WORDS.includes(lastWord(ctx)) || /^\s*(?:năm|hằng năm|hàng năm|này|tới|vừa qua)(?!\p{L})/u.test(textAfter(ctx, m[0].length));
      const options = isDate ? [date, fraction] : [fraction, date];
      return { spoken: options[0]!, options, kind: 'date' };
    },
  },
  {
    // "ngày 8.11", "sáng 8.11": a date written with a dot, when a time word says so. Elsewhere
    // "8.11" stays a section or decimal number.
    name: 'day-month-dot',
    pattern: /(\d{1,2})\.(\d{1,2})(?![\d.,])/uy,
    read: (m, ctx): Reading | null => {
      if (!validDay(Number(m[1])) || !validMonth(Number(m[2]))) return null;
      if (!afterNgay(ctx) && !DATE_WORDS.includes(lastWord(ctx))) return null;
      return { spoken: `${dayPrefix(ctx)}${dayMonth(m[1]!, m[2]!, ctx.style)}`, kind: 'date' };
    },
  },
  {
    name: 'time-h',
    pattern: /(\d{1,2})\s?[hH](\d{2})?(?:'|ph|p)?(?![\p{L}\d])/uy,
    read: (m, ctx): Reading | null => {
      const spoken = time(m[1]!, m[2], undefined, ctx.style);
      return spoken ? { spoken, kind: 'time' } : null;
    },
  },
  {
    // "8g30" (g = giờ). "11g" alone is a time only where a time is expected ("lúc 11g", "8g30 đến
    // 11g"); elsewhere it stays grams.
    name: 'time-g',
    pattern: /(\d{1,2})g(\d{2})?(?![\p{L}\d])/uy,
    read: (m, ctx): Reading | null => {
      if (m[2] === undefined && !timeExpected(ctx, m[0].length)) return null;
      const spoken = time(m[1]!, m[2], undefined, ctx.style);
      return spoken ? { spoken, kind: 'time' } : null;
    },
  },
  {
    name: 'time-colon',
    pattern: /(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/uy,
    read: (m, ctx): Reading | null => {
      const spoken = time(m[1]!, m[2], m[3], ctx.style);
      return spoken ? { spoken, kind: 'time' } : null;
    },
  },
];
