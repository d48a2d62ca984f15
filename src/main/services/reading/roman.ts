/**
 * Roman numerals, only where they are numbers for sure: after a heading word ("Phần II",
 * "Chương IV", "mục IV", "Khóa XV", "thế kỷ XXI", "Quý I") and as the marker that opens a line
 * ("II. NHIỆM VỤ"). Elsewhere a lone "I" or "V" is left to the other rules.
 */
import { readInteger, readOrdinal } from './numbers.ts';
import type { Reading, Rule } from './rule.ts';

const VALID = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a well-formed Roman numeral, or null. */
export function parseRoman(s: string): number | null {
  if (!s || !VALID.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = VALUES[s[i]!]!;
    const next = VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const HEADING_WORDS = [
  'phần', 'chương', 'mục', 'tiểu mục', 'điều', 'khóa', 'quý', 'thế kỷ', 'thế kỉ', 'đại hội', 'kỳ', 'kì',
  'tập', 'bài', 'phụ lục', 'hội nghị', 'giai đoạn', 'vòng', 'cấp', 'loại', 'hạng', 'lần', 'thứ',
];

export const romanRules: Rule[] = [
  {
    name: 'roman-after-heading-word',
    pattern: new RegExp(`(${HEADING_WORDS.join('|')})(\\s+)([IVXLCDM]+)(?![\\p{L}\\p{N}])`, 'iuy'),
    read: (m, ctx): Reading | null => {
      const value = m[3] === m[3]!.toUpperCase() ? parseRoman(m[3]!) : null;
      const word = m[1] === m[1]!.toUpperCase() ? m[1]!.toLowerCase() : m[1];
      if (!value) return null;
      // "lần thứ XIII" is an ordinal: "thứ mười ba", and "thứ I" is "thứ nhất".
      const n = word!.toLowerCase() === 'thứ' ? readOrdinal(String(value), ctx.style) : readInteger(String(value), ctx.style);
      return { spoken: `${word} ${n}`, kind: 'roman' };
    },
  },
  {
    name: 'roman-line-marker',
    pattern: /([IVXLCDM]+)[.)](?=\s)/uy,
    read: (m, ctx): Reading | null => {
      if (!/(^|\n)[ \t]*$/.test(ctx.text.slice(Math.max(0, ctx.index - 20), ctx.index))) return null;
      const value = parseRoman(m[1]!);
      return value ? { spoken: `${readInteger(String(value), ctx.style)},`, kind: 'roman' } : null;
    },
  },
];
