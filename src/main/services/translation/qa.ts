/**
 * QA checks before approval. Each finding is a code plus parameters; the screen words it from
 * features/translation/locales. Checks: numbers/dates/times of the source in the target, glossary
 * terms honoured, do-not-translate terms unchanged, empty or untranslated target, length ratio far
 * from the pair's usual, one source translated two ways in the bulletin, unbalanced brackets/quotes.
 */
import type { GlossaryEntry, QaIssue } from '../../../shared/translation/index.ts';
import { exactKey, normaliseText, tokenKeys } from './text.ts';

export interface QaSegment {
  index: number;
  source: string;
  target: string;
}

export interface QaContext {
  /** Glossary entries of the pair that occur in a segment's source. */
  termsIn: (source: string) => GlossaryEntry[];
  /** The pair's usual target/source length ratio. */
  usualRatio: number;
}

/** Dates (18/9/2024), times (7h30, 7:30), numbers with thousand dots or decimal commas (5.000, 5,3). */
const NUMBERS = /\d+(?:[./:h,]\d+)*/g;
/** Only judge length on segments long enough for the ratio to mean something. */
const MIN_LENGTH_FOR_RATIO = 20;
const RATIO_FACTOR = 2;

const containsWords = (haystack: string, needle: string): boolean => {
  const words = ` ${tokenKeys(haystack).join(' ')} `;
  return words.includes(` ${tokenKeys(needle).join(' ')} `);
};

function checkNumbers(s: QaSegment, out: QaIssue[]): void {
  const inTarget = new Set(normaliseText(s.target).match(NUMBERS) ?? []);
  for (const number of new Set(normaliseText(s.source).match(NUMBERS) ?? [])) {
    if (!inTarget.has(number)) out.push({ code: 'qa_number_missing', segment: s.index, params: { number } });
  }
}

function checkGlossary(s: QaSegment, context: QaContext, out: QaIssue[]): void {
  const byTerm = new Map<string, GlossaryEntry[]>();
  for (const e of context.termsIn(s.source)) byTerm.set(`${e.kind}:${e.term}`, [...(byTerm.get(`${e.kind}:${e.term}`) ?? []), e]);
  for (const entries of byTerm.values()) {
    const first = entries[0]!;
    if (first.kind === 'do-not-translate') {
      // Unchanged means the very letters, case included.
      if (!normaliseText(s.target).includes(first.term)) out.push({ code: 'qa_do_not_translate_changed', segment: s.index, params: { term: first.term } });
    } else if (!entries.some((e) => containsWords(s.target, e.translation))) {
      out.push({ code: 'qa_glossary_not_honoured', segment: s.index, params: { term: first.term, translation: entries.map((e) => e.translation).join(' / ') } });
    }
  }
}

function checkBalance(s: QaSegment, out: QaIssue[]): void {
  const unbalancedBrackets = (text: string): boolean => {
    const stack: string[] = [];
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    for (const ch of text) {
      if ('([{'.includes(ch)) stack.push(ch);
      else if (ch in pairs && stack.pop() !== pairs[ch]) return true;
    }
    return stack.length > 0;
  };
  const unbalancedQuotes = (text: string): boolean =>
    (text.match(/"/g) ?? []).length % 2 === 1 ||
    (text.match(/“/g) ?? []).length !== (text.match(/”/g) ?? []).length ||
    (text.match(/«/g) ?? []).length !== (text.match(/»/g) ?? []).length;
  if (unbalancedBrackets(s.target) && !unbalancedBrackets(s.source)) out.push({ code: 'qa_unbalanced_brackets', segment: s.index, params: {} });
  if (unbalancedQuotes(s.target) && !unbalancedQuotes(s.source)) out.push({ code: 'qa_unbalanced_quotes', segment: s.index, params: {} });
}

export function checkSegment(s: QaSegment, context: QaContext): QaIssue[] {
  const out: QaIssue[] = [];
  if (!s.target.trim()) return [{ code: 'qa_target_empty', segment: s.index, params: {} }];
  if (exactKey(s.target) === exactKey(s.source) && /\p{L}/u.test(s.source)) {
    out.push({ code: 'qa_target_same_as_source', segment: s.index, params: {} });
  }
  checkNumbers(s, out);
  checkGlossary(s, context, out);
  const source = normaliseText(s.source);
  const target = normaliseText(s.target);
  if (source.length >= MIN_LENGTH_FOR_RATIO && context.usualRatio > 0) {
    const ratio = target.length / source.length;
    if (ratio > context.usualRatio * RATIO_FACTOR || ratio < context.usualRatio / RATIO_FACTOR) {
      out.push({ code: 'qa_length_ratio', segment: s.index, params: { ratio: Math.round(ratio * 100) / 100, usual: Math.round(context.usualRatio * 100) / 100 } });
    }
  }
  checkBalance(s, out);
  return out;
}

/** Every check on every segment, plus one source translated two ways in the bulletin. */
export function checkBulletin(segments: QaSegment[], context: QaContext): QaIssue[] {
  const out = segments.flatMap((s) => checkSegment(s, context));
  const bySource = new Map<string, QaSegment[]>();
  for (const s of segments) {
    if (!s.target.trim()) continue;
    const key = exactKey(s.source);
    bySource.set(key, [...(bySource.get(key) ?? []), s]);
  }
  for (const group of bySource.values()) {
    for (const s of group) {
      const other = group.find((o) => exactKey(o.target) !== exactKey(s.target));
      if (other) out.push({ code: 'qa_inconsistent_translation', segment: s.index, params: { other: other.index, otherTarget: other.target } });
    }
  }
  return out.sort((a, b) => a.segment - b.segment);
}
