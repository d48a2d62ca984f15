/** The shape of one rewrite rule of the scanner (see scanner.ts). */
import type { NumberStyle } from './numbers.ts';
import type { PartKind } from './types.ts';

export interface RuleContext {
  /** The whole prepared text; `index` is where the match starts. */
  text: string;
  index: number;
  style: NumberStyle;
  /** Kind of the previous non-space part, e.g. to read "-" as "đến" after a number. */
  previousKind: PartKind | null;
}

export interface Reading {
  spoken: string;
  kind: PartKind;
  /** Several readings are possible: `spoken` is the one picked from context, `options` all of them. */
  options?: string[];
  /** For ambiguous readings: picked from the surrounding words, or the fallback. */
  reason?: 'context' | 'default';
  pauseMs?: number;
  /** Consume fewer characters than the regex matched (e.g. leave a sentence-final dot). */
  length?: number;
}

export interface Rule {
  name: string;
  /** Sticky ('y') unicode regex tried at the current position. */
  pattern: RegExp;
  /** Also try inside a word (after a letter), e.g. digits glued to letters: "F0", "COVID-19". */
  midWord?: boolean;
  read(match: RegExpExecArray, ctx: RuleContext): Reading | null;
}

/** The last `n` words before `index`, lowercased, for context decisions. */
export function wordsBefore(ctx: RuleContext, n: number): string[] {
  const head = ctx.text.slice(Math.max(0, ctx.index - 80), ctx.index);
  return head.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(-n);
}

/** The text right after the match, for look-ahead decisions. */
export const textAfter = (ctx: RuleContext, matchLength: number, n = 60): string =>
  ctx.text.slice(ctx.index + matchLength, ctx.index + matchLength + n);
