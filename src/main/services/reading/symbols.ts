/**
 * Punctuation and symbols. Sentence punctuation (. , ; : ! ? …) is kept: the voices use it for
 * phrasing. Brackets become commas, quotes vanish, list bullets and separator lines are not read,
 * and a dash is "đến" between numbers ("2021-2025", "40-50%"), "âm" before a lone number
 * ("-5°C"), a comma between phrases ("Độc lập - Tự do - Hạnh phúc").
 */
import type { Reading, Rule, RuleContext } from './rule.ts';

const NUMERIC = new Set(['number', 'date', 'time']);
const atLineStart = (ctx: RuleContext) => /(^|\n)[ \t]*$/.test(ctx.text.slice(Math.max(0, ctx.index - 40), ctx.index));

const WORDS: Record<string, string> = {
  '&': 'và', '+': 'cộng', '=': 'bằng', '>': 'lớn hơn', '<': 'nhỏ hơn', '≥': 'lớn hơn hoặc bằng',
  '≤': 'nhỏ hơn hoặc bằng', '×': 'nhân', '~': 'khoảng', '@': 'a còng', '#': 'số', '%': 'phần trăm',
  '°': 'độ', '§': 'mục',
};
const PER_UNIT: Record<string, string> = {
  kg: 'ki lô gam', tấn: 'tấn', tạ: 'tạ', m2: 'mét vuông', 'm²': 'mét vuông', m3: 'mét khối', 'm³': 'mét khối',
  ha: 'héc ta', sào: 'sào', km: 'ki lô mét', m: 'mét', lít: 'lít', người: 'người', hộ: 'hộ', tháng: 'tháng',
  năm: 'năm', ngày: 'ngày', giờ: 'giờ', tuần: 'tuần', con: 'con', suất: 'suất', lượt: 'lượt', chiếc: 'chiếc',
  giây: 'giây', phút: 'phút', quả: 'quả', cái: 'cái', bao: 'bao', bó: 'bó', chai: 'chai', hộp: 'hộp', gói: 'gói',
  buổi: 'buổi', lần: 'lần', học: 'học', s: 'giây', h: 'giờ',
};
/** A rate of a physical quantity over time is "trên" ("5 m/giây" → "năm mét trên giây"); a price or an amount per item is "một". */
const OVER_TIME = new Set(['giây', 'phút', 'giờ', 's', 'h']);
const CURRENCY_BEFORE = /(?:đ|đồng|VNĐ|VND|USD|\$)\s*$/u;
const KEEP = new Set(['.', ',', ';', ':', '!', '?', '…']);
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

export const symbolRules: Rule[] = [
  { name: 'end-of-document', pattern: /\.\/\./uy, midWord: true, read: () => ({ spoken: '.', kind: 'symbol' }) },
  // "..." is an ellipsis (it may end a sentence); longer dot runs and dash/underscore runs are rules or leaders.
  { name: 'ellipsis', pattern: /\.{3}(?!\.)/uy, midWord: true, read: () => ({ spoken: '…', kind: 'symbol' }) },
  { name: 'separator-line', pattern: /[-–—_=*~•]{3,}|\.{4,}/uy, midWord: true, read: () => ({ spoken: '', kind: 'symbol' }) },
  {
    name: 'bullet',
    pattern: /[-–—+•*·▪●○◦]\s/uy,
    read: (_m, ctx): Reading | null => (atLineStart(ctx) ? { spoken: '', kind: 'symbol' } : null),
  },
  {
    name: 'dash',
    pattern: /([ \t]*)[-–—−]([ \t]*)(?=(\d)?)/uy,
    midWord: true,
    read: (m, ctx): Reading => {
      const nextIsDigit = m[3] !== undefined;
      if (nextIsDigit && NUMERIC.has(ctx.previousKind ?? '') && !/\n/.test(m[1]! + m[2]!)) return { spoken: ' đến ', kind: 'symbol' };
      if (nextIsDigit && !m[2] && (ctx.index === 0 || /[\s(]/.test(ctx.text[ctx.index - 1]!))) return { spoken: 'âm ', kind: 'symbol' };
      if (!m[1] && !m[2]) return { spoken: ' ', kind: 'symbol' };
      return { spoken: ', ', kind: 'symbol' };
    },
  },
  {
    // Rates: "25.000đ/kg", "500.000 đồng/tháng" → "… một ki lô gam", "… một tháng".
    name: 'per-unit',
    pattern: new RegExp(`/(${Object.keys(PER_UNIT).join('|')})(?![\\p{L}\\p{N}])`, 'uy'),
    midWord: true,
    read: (m, ctx): Reading => {
      const over = OVER_TIME.has(m[1]!) && !CURRENCY_BEFORE.test(ctx.text.slice(Math.max(0, ctx.index - 8), ctx.index));
      return { spoken: ` ${over ? 'trên' : 'một'} ${PER_UNIT[m[1]!]}`, kind: 'symbol' };
    },
  },
  {
    name: 'slash',
    pattern: /\/(?=(\d)?)/uy,
    midWord: true,
    read: (m, ctx): Reading => {
      // "quý I/2024" → "quý một năm hai nghìn …"
      if (ctx.previousKind === 'roman' && /^\/\d{4}(?!\d)/.test(ctx.text.slice(ctx.index, ctx.index + 6))) return { spoken: ' năm ', kind: 'symbol' };
      return m[1] !== undefined && ctx.previousKind === 'number' ? { spoken: ' trên ', kind: 'symbol' } : { spoken: ', ', kind: 'symbol' };
    },
  },
  {
    name: 'symbol',
    pattern: /[^\p{L}\p{N}\s]/uy,
    midWord: true,
    read: (m, ctx): Reading => {
      const c = m[0];
      // "PCT.UBND": a dot glued to the next word is a joiner, not the end of a sentence.
      if (c === '.' && /\p{L}/u.test(ctx.text[ctx.index + 1] ?? '')) return { spoken: ' ', kind: 'symbol' };
      if (KEEP.has(c)) return { spoken: c, kind: 'symbol' };
      if (OPEN.has(c) || CLOSE.has(c)) return { spoken: ', ', kind: 'symbol' };
      if (c === "'" && /\p{L}/u.test(ctx.text[ctx.index - 1] ?? '') && /\p{L}/u.test(ctx.text[ctx.index + 1] ?? '')) {
        return { spoken: "'", kind: 'symbol' };
      }
      const word = WORDS[c];
      return { spoken: word ? ` ${word} ` : '', kind: 'symbol' };
    },
  },
];
