/**
 * Abbreviations: the fixed table, the ambiguous ones (TT = thị trấn / thông tư / thủ tướng …)
 * picked from the surrounding words and flagged for the editor, and unknown all-capital acronyms
 * spelled letter by letter. An all-capital word that is a Vietnamese syllable ("TỈNH") is a word.
 */
import { ABBREVIATIONS, spellLetters } from './abbreviation-table.ts';
import { ACRONYMS } from './acronym-table.ts';
import { LOANWORDS } from './loanword-table.ts';
import { textAfter, wordsBefore, type Reading, type Rule, type RuleContext } from './rule.ts';
import { isVietnameseSyllable } from './syllables.ts';

interface Ambiguous {
  options: string[];
  /** Index of the option the context points to, or null for the default (options[0]). */
  pick(before: string[], after: string, aloneOnLine: boolean): number | null;
}

const startsWithNumber = (after: string) => /^\s*(?:số\s+)?[-:]?\s*\d/u.test(after);
const startsWithName = (after: string) => /^\s*\p{Lu}\p{Ll}/u.test(after);

export const AMBIGUOUS: Record<string, Ambiguous> = {
  TT: {
    options: ['thị trấn', 'thông tư', 'thủ tướng', 'thường trực', 'thứ tự'],
    pick: (before, after, alone) => {
      // A table column headed "TT" is the row number ("thứ tự").
      if (alone) return 4;
      if (/^\s*\.?\s*(?:HĐND|UBND|TU|HU|ĐU|Tỉnh ủy|Huyện ủy|Đảng ủy|tỉnh ủy|huyện ủy|đảng ủy)/u.test(after)) return 3;
      if (startsWithNumber(after) || before.at(-1) === 'theo') return 1;
      if (before.at(-1) === 'phó' || /^\s*(?:Chính phủ|CP)(?![\p{L}\p{N}])/u.test(after)) return 2;
      if (startsWithName(after)) return 0;
      return null;
    },
  },
  CT: {
    options: ['chủ tịch', 'chỉ thị', 'công ty'],
    pick: (before, after) => {
      if (startsWithNumber(after)) return 1;
      if (/^\s*(?:TNHH|CP|cổ phần|Cổ phần)/u.test(after)) return 2;
      if (/^\s*(?:,\s*PCT|UBND|HĐND|xã|huyện|tỉnh)/u.test(after)) return 0;
      return null;
    },
  },
  CN: {
    options: ['chủ nhật', 'công nghiệp', 'cử nhân'],
    pick: (before, after) => {
      if (['thứ', 'ngày', 'sáng', 'chiều', 'tối', 'và'].includes(before.at(-1) ?? '') || /^\s*,?\s*(?:ngày\s*)?\d/u.test(after)) return 0;
      return null;
    },
  },
  ĐT: {
    options: ['điện thoại', 'đường tỉnh', 'đề tài'],
    pick: (_before, after) => {
      if (/^\s*[:.]?\s*[(+0]/u.test(after)) return 0;
      if (/^\s*\.?\s*[1-9]\d{1,3}\b/u.test(after)) return 1;
      return null;
    },
  },
  TH: {
    options: ['tổng hợp', 'tiểu học', 'truyền hình'],
    pick: (before, after) => {
      if (['trường', 'cấp', 'bậc', 'học'].includes(before.at(-1) ?? '') || /^\s*(?:,|và)\s*(?:THCS|THPT)/u.test(after)) return 1;
      if (['đài', 'phát'].includes(before.at(-1) ?? '')) return 2;
      return null;
    },
  },
  ĐH: {
    options: ['đại học', 'đại hội', 'đường huyện'],
    pick: (before, after) => {
      if (/^\s*\.?\s*\d/u.test(after)) return 2;
      if (['trường', 'học', 'sinh', 'viên'].includes(before.at(-1) ?? '')) return 0;
      if (/^\s*(?:Đảng|đảng|Đoàn|đoàn|đại biểu|lần thứ|Hội|hội|Công đoàn|công đoàn|TDTT|thể dục)/u.test(after)) return 1;
      return null;
    },
  },
  BTC: {
    options: ['ban tổ chức', 'bộ tài chính'],
    pick: (before) => (before.at(-1) === 'bộ' ? 1 : null),
  },
};

/** Certain from context, so not flagged: "Q. CHỦ TỊCH" is "quyền chủ tịch", "Q.1" is "quận một". */
const TITLE_AFTER = /^\s*(?:CHỦ TỊCH|Chủ tịch|chủ tịch|GIÁM ĐỐC|Giám đốc|giám đốc|TRƯỞNG|Trưởng|trưởng|CHÁNH|Chánh)/u;
const CONTEXTUAL: Record<string, (after: string) => string | null> = {
  'Q.': (after) => (TITLE_AFTER.test(after) ? 'quyền' : null),
};

/** A token: letters, possibly joined by . - & / (TP.HCM, KT-XH, NN&PTNT, t/h), maybe a final dot. */
// Bounded (no key is longer than a few pieces of a dozen letters) so a run like "a.a.a.a…" costs
// constant work per position instead of rescanning the whole run at every letter.
const TOKEN = /[\p{L}][\p{L}\p{M}]{0,15}(?:[.\-&/,][\p{L}][\p{L}\p{M}]{0,15}){0,3}\.?/uy;

/** The candidate keys of a token, longest first: the whole token, then cut at each joiner. */
function candidates(token: string): string[] {
  const out = [token];
  if (token.endsWith('.')) out.push(token.slice(0, -1));
  for (let i = token.length - 1; i > 0; i--) {
    if ('.-&/,'.includes(token[i]!)) {
      out.push(token.slice(0, i + (token[i] === '.' ? 1 : 0)), token.slice(0, i));
    }
  }
  return [...new Set(out)].filter(Boolean);
}

function lookup(key: string, ctx: RuleContext): Reading | null {
  // "TT." / "CT." carry their dot: look them up without it, but consume it.
  const ambiguous = AMBIGUOUS[key] ?? (key.endsWith('.') ? AMBIGUOUS[key.slice(0, -1)] : undefined);
  if (ambiguous) {
    const before = wordsBefore(ctx, 3);
    const after = textAfter(ctx, key.length);
    const alone = /(^|\n)[ \t]*$/.test(ctx.text.slice(Math.max(0, ctx.index - 20), ctx.index)) && /^[ \t]*(\n|$)/.test(after);
    const picked = ambiguous.pick(before, after, alone);
    const chosen = ambiguous.options[picked ?? 0]!;
    return { spoken: chosen, options: ambiguous.options, kind: 'abbreviation', length: key.length, reason: picked === null ? 'default' : 'context' };
  }
  const contextual = CONTEXTUAL[key]?.(textAfter(ctx, key.length));
  if (contextual) return { spoken: contextual, kind: 'abbreviation', length: key.length };
  const spoken = ABBREVIATIONS[key] ?? ACRONYMS[key];
  return spoken ? { spoken: withoutRepetition(spoken, ctx), kind: 'abbreviation', length: key.length } : null;
}

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * An expansion is not said twice: "Tổ chức Y tế Thế giới (WHO)" reads the name once (the acronym
 * in brackets after its own expansion is silent), and "Tổ chức WHO" does not repeat "tổ chức".
 */
function withoutRepetition(spoken: string, ctx: RuleContext): string {
  const expansion = words(spoken);
  const head = ctx.text.slice(Math.max(0, ctx.index - 120), ctx.index);
  const bracketed = /\(\s*$/u.exec(head);
  const before = words(bracketed ? head.slice(0, bracketed.index) : head);
  if (bracketed && expansion.length > 1 && before.slice(-expansion.length).join(' ') === expansion.join(' ')) return '';
  for (let n = Math.min(expansion.length - 1, before.length); n > 0; n--) {
    if (before.slice(-n).join(' ') === expansion.slice(0, n).join(' ')) return spoken.split(/\s+/u).slice(n).join(' ');
  }
  return spoken;
}

export const abbreviationRules: Rule[] = [
  {
    name: 'abbreviation',
    pattern: TOKEN,
    read: (m, ctx): Reading | null => {
      for (const key of candidates(m[0])) {
        const next = ctx.text[ctx.index + key.length] ?? '';
        // A key that ends in a letter must end the word ("TP" must not match inside "TPA").
        if (/[\p{L}\p{N}]/u.test(key.at(-1)!) && /[\p{L}\p{N}\p{M}]/u.test(next)) continue;
        const reading = lookup(key, ctx);
        if (reading) return reading;
      }
      return null;
    },
  },
  {
    // A capital glued to digits is a code read letter by letter: "F0" → "ép không", "12A1" → "… a một".
    name: 'letter-before-digits',
    pattern: /\p{Lu}(?=\d)/uy,
    midWord: true,
    read: (m): Reading => ({ spoken: spellLetters(m[0]), kind: 'spelled' }),
  },
  {
    // Initials of a name, "N.T.H" or "N.V.A.": letter by letter (a final dot is left to end the sentence).
    name: 'initials',
    pattern: /\p{Lu}(?:\.\p{Lu}){1,4}(?![\p{L}\p{M}])/uy,
    read: (m): Reading => ({ spoken: spellLetters(m[0].replace(/\./g, '')), kind: 'spelled' }),
  },
  {
    // After the tables, so "TV" or "NASA" in ACRONYMS keep their reading; before spelling.
    name: 'loanword',
    pattern: /\p{L}[\p{L}\p{M}]*(?:-\p{L}+)?/uy,
    read: (m): Reading | null => {
      const entry = LOANWORDS[m[0].toLowerCase().replace('-', '')];
      if (!entry) return null;
      const options = typeof entry === 'string' ? [entry] : entry;
      return options.length > 1 ? { spoken: options[0]!, options, kind: 'abbreviation', reason: 'default' } : { spoken: options[0]!, kind: 'abbreviation' };
    },
  },
  {
    name: 'acronym',
    pattern: /\p{Lu}{2,}(?![\p{Ll}\p{M}])/uy,
    read: (m): Reading | null => (isVietnameseSyllable(m[0]) ? null : { spoken: spellLetters(m[0]), kind: 'spelled' }),
  },
];
