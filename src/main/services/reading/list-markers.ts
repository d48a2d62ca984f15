/**
 * Markers that open a line in plans and decisions: "1.", "2.1.", "a)", "đ)". They are read as
 * "một,", "hai chấm một,", "a," so the dot does not end a sentence of its own.
 * Roman markers ("II.") are in roman.ts.
 */
import { LETTER_NAMES } from './abbreviation-table.ts';
import { readInteger } from './numbers.ts';
import type { Reading, Rule, RuleContext } from './rule.ts';

const atLineStart = (ctx: RuleContext) => /(^|\n)[ \t]*$/.test(ctx.text.slice(Math.max(0, ctx.index - 40), ctx.index));

export const listMarkerRules: Rule[] = [
  {
    name: 'numbered-marker',
    pattern: /(\d{1,3}(?:\.\d{1,3})*)[.)](?=\s)/uy,
    read: (m, ctx): Reading | null =>
      atLineStart(ctx)
        ? { spoken: `${m[1]!.split('.').map((n) => readInteger(n, ctx.style)).join(' chấm ')},`, kind: 'number' }
        : null,
  },
  {
    name: 'letter-marker',
    pattern: /(\p{Ll})\)(?=\s)/uy,
    read: (m, ctx): Reading | null =>
      atLineStart(ctx) ? { spoken: `${LETTER_NAMES[m[1]!.toUpperCase()] ?? m[1]},`, kind: 'symbol' } : null,
  },
];
