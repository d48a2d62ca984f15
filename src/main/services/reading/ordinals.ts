/**
 * Ordinals: "thứ 1" → "thứ nhất", "thứ 4" → "thứ tư", "thứ 2" → "thứ hai" (weekdays read the same),
 * "lần thứ 14" → "lần thứ mười bốn". "Thứ nhất" written out needs nothing.
 */
import { readOrdinal } from './numbers.ts';
import type { Reading, Rule } from './rule.ts';

export const ordinalRules: Rule[] = [
  {
    name: 'ordinal',
    pattern: /(thứ)(\s+)(\d{1,4})(?![\d.,/:]\d|\d|[\p{L}])/iuy,
    read: (m, ctx): Reading => ({ spoken: `${m[1]} ${readOrdinal(m[3]!, ctx.style)}`, kind: 'number' }),
  },
];
