/**
 * Text ⇄ tokens for the learned engine. Text is NFC: letters with a precomposed form are composed,
 * and a combining mark with none (a breve on a letter Unicode never precomposed, as in Bahnar or Ê
 * Đê spellings) stays as U+0306 inside its word. Words keep their inner punctuation
 * ("vắc-xin", "135/QĐ-TTg", "18/12/2023"); punctuation at a word's edges is a token of its own.
 */

// The workbench's normalisation (NFC keeping breves that have no precomposed form, one Vietnamese
// tone placement, one apostrophe, single spaces): the engine and the TM see the same text.
import { normaliseText } from '../../translation/index.ts';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  /** As written in the text. */
  surface: string;
  /** Lower case: what the model knows. */
  key: string;
  kind: TokenKind;
}

// "_" counts as a letter: the Tày corpus writes it for a lost tone mark ("le_", "tơ_i").
const EDGE_PUNCT = /^[^\p{L}\p{M}\p{N}_]$/u;
const HAS_DIGIT = /\p{N}/u;
const IS_WORDLIKE = /[\p{L}\p{N}]/u;


function classify(surface: string): Token {
  const kind: TokenKind = HAS_DIGIT.test(surface) ? 'number' : IS_WORDLIKE.test(surface) ? 'word' : 'punct';
  return { surface, key: surface.toLowerCase(), kind };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const chunk of normaliseText(text).split(' ')) {
    if (!chunk) continue;
    const chars = Array.from(chunk);
    let start = 0;
    let end = chars.length;
    const leading: string[] = [];
    const trailing: string[] = [];
    while (start < end && EDGE_PUNCT.test(chars[start]!)) leading.push(chars[start++]!);
    while (end > start && EDGE_PUNCT.test(chars[end - 1]!)) trailing.unshift(chars[--end]!);
    for (const mark of leading) tokens.push(classify(mark));
    if (end > start) tokens.push(classify(chars.slice(start, end).join('')));
    for (const mark of trailing) tokens.push(classify(mark));
  }
  return tokens;
}

const NO_SPACE_BEFORE = new Set(['.', ',', '!', '?', ';', ':', ')', ']', '}', '…', '%', '”', '’', '»']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '“', '‘', '«']);

/** Joins tokens back into text; returns each token's UTF-16 start offset too (for marks). */
export function detokenize(words: string[]): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  words.forEach((word, i) => {
    const glue = i === 0 || NO_SPACE_BEFORE.has(word) || NO_SPACE_AFTER.has(words[i - 1]!) ? '' : ' ';
    text += glue;
    offsets.push(text.length);
    text += word;
  });
  return { text, offsets };
}

/** The key that training pairs and test sentences are compared by: lower case, words only. */
const FIRST_LETTER = /\p{L}/u;

/** True when the word's first letter is a capital. */
export function startsUpper(word: string): boolean {
  const letter = FIRST_LETTER.exec(word)?.[0];
  return letter !== undefined && letter !== letter.toLowerCase();
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);

/**
 * Which tokens are proper names: words capitalised where a sentence does not start (Vietnamese
 * capitalises every syllable of a name: "Bắc Kạn", "Nguyễn Văn An"; acronyms such as "UBND").
 * The first word of a sentence is capitalised anyway, so it cannot tell.
 */
export function nameFlags(tokens: Token[]): boolean[] {
  let sentenceStart = true;
  return tokens.map((token) => {
    if (token.kind === 'punct') {
      if (SENTENCE_END.has(token.surface)) sentenceStart = true;
      return false;
    }
    const name = !sentenceStart && token.kind === 'word' && startsUpper(token.surface);
    sentenceStart = false;
    return name;
  });
}

export function normalizedKey(text: string): string {
  return tokenize(text)
    .filter((token) => token.kind !== 'punct')
    .map((token) => token.key)
    .join(' ');
}
