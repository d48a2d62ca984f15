/**
 * Text as the translation memory sees it: NFC with one Vietnamese tone placement (hoà = hòa), and
 * word tokens that keep every mark. Bahnar ĭ ŏ ĕ ŭ compose under NFC; ơ̆ ê̆ ô̆ ư̆ have no precomposed
 * form and stay letter + U+0306. A token is a run of letters *and* combining marks, so the breve is
 * part of the word: "bĭ" never equals "bi", "kơ̆" never equals "kơ".
 */
import { normaliseTones } from '../reading/index.ts';

export interface Token {
  /** Lower-cased, NFC, tone placement normalised: what is compared. */
  key: string;
  /** Offsets of the word in the text it was read from. */
  start: number;
  end: number;
}

/** A word: letters, marks and digits, with inner apostrophes, dots and commas of numbers ("'bar", "5.000", "5,3", "18/9/2024"). */
const WORD = /['’ʼ]?[\p{L}\p{M}\p{N}]+(?:(?:['’ʼ\-]|[.,/:](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

/** NFC, one tone placement, one kind of apostrophe; the text every table stores. */
export function normaliseText(text: string): string {
  return normaliseTones(text.normalize('NFC')).replace(/[’ʼ]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Word tokens of already-normalised text, with offsets into it. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ key: m[0].toLowerCase().replace(/[’ʼ]/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Token keys of raw text (normalises first). */
export function tokenKeys(text: string): string[] {
  return tokenise(normaliseText(text)).map((t) => t.key);
}

/** Exact-match key: the normalised text, lower-cased. Punctuation counts; case does not. */
export function exactKey(text: string): string {
  return normaliseText(text).toLowerCase();
}
