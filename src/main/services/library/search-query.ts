import { foldForSearch } from './fold.ts';

/**
 * A search box's text, parsed the way editors type it: loose words (each must appear; the last
 * one may still be being typed, so it matches as a prefix) and "quoted phrases" (the words in
 * that order, side by side). Everything is folded like the index (fold.ts), so diacritics and
 * case never matter.
 */
export interface SearchQuery {
  /** Each part is a list of folded words; a part of one word is a loose word. */
  parts: { words: string[]; prefix: boolean }[];
}

const MAX_WORDS = 32;
const wordsOf = (text: string) => foldForSearch(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

export function parseSearchQuery(text: string): SearchQuery {
  const parts: SearchQuery['parts'] = [];
  let count = 0;
  // Quoted runs are phrases; an unclosed quote still makes a phrase of what follows it.
  const pieces = text.split('"');
  pieces.forEach((piece, i) => {
    const quoted = i % 2 === 1;
    const words = wordsOf(piece).slice(0, Math.max(0, MAX_WORDS - count));
    count += words.length;
    if (words.length === 0) return;
    if (quoted) parts.push({ words, prefix: false });
    else for (const word of words) parts.push({ words: [word], prefix: false });
  });
  // The last loose word is a prefix unless the user has moved on (a space or a closing quote after it).
  const last = parts.at(-1);
  if (last && last.words.length === 1 && /[\p{L}\p{N}]$/u.test(text) && pieces.length % 2 === 1) last.prefix = true;
  return { parts };
}

/** The FTS5 MATCH expression: every part must match. Words are quoted, so no FTS5 syntax leaks in. */
export function toMatchExpression(query: SearchQuery): string {
  return query.parts
    .map(({ words, prefix }) => `"${words.join(' ').replace(/"/g, '""')}"${prefix ? '*' : ''}`)
    .join(' AND ');
}

/** [start, end) character ranges of `text` where the query matches, in order, not overlapping. */
export function findMatches(text: string, query: SearchQuery): [number, number][] {
  const folded = foldForSearch(text);
  // Folding keeps NFC Vietnamese letters one for one; where it does not (rare scripts), mark nothing.
  if (folded.length !== text.length || query.parts.length === 0) return [];
  const tokens = [...folded.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const ranges: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const { words, prefix } of query.parts) {
      if (i + words.length > tokens.length) continue;
      const fits = words.every((word, k) => {
        const token = tokens[i + k]!.word;
        return prefix && k === words.length - 1 ? token.startsWith(word) : token === word;
      });
      if (fits) {
        ranges.push([tokens[i]!.start, tokens[i + words.length - 1]!.end]);
        i += words.length - 1;
        break;
      }
    }
  }
  return ranges;
}
