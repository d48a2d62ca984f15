/**
 * Decoded phrases → the candidate's text: casing restored from the source (the corpus is lower
 * case), tokens joined, and the stretches that were copied, carried or forced marked.
 */
import type { CandidateMark } from '../../../../shared/translation/index.ts';
import type { PhraseOption } from './decoder.ts';
import { detokenize, startsUpper, type Token } from './text.ts';

const SENTENCE_END = new Set(['.', '!', '?', '…']);
const FIRST_LETTER = /\p{L}/u;
const MARKED = new Set<string>(['unknown', 'number', 'glossary', 'name']);

function capitalize(word: string): string {
  const match = FIRST_LETTER.exec(word);
  if (!match) return word;
  return word.slice(0, match.index) + match[0].toUpperCase() + word.slice(match.index + match[0].length);
}


export interface Rendered {
  text: string;
  marks: CandidateMark[];
}

export function render(tokens: Token[], options: PhraseOption[]): Rendered {
  const words: string[] = [];
  const kinds: Array<CandidateMark['kind'] | null> = [];
  for (const option of options) {
    const span = tokens.slice(option.start, option.end);
    for (const word of option.words) {
      let out = word;
      if (option.kind === 'phrase') {
        // A target word spelled like a source word of its phrase is a name or a loan: take the source's casing.
        const same = span.find((token) => token.key === word.toLowerCase());
        if (same) out = same.surface;
      }
      words.push(out);
      kinds.push(MARKED.has(option.kind) ? (option.kind as CandidateMark['kind']) : null);
    }
  }
  // Sentence case: the first word, and the first after a sentence end, take a capital where the source's sentences do.
  const sourceCapitalised = startsUpper(tokens.find((t) => t.kind !== 'punct')?.surface ?? '');
  if (sourceCapitalised) {
    let atStart = true;
    words.forEach((word, i) => {
      if (atStart && FIRST_LETTER.test(word)) {
        words[i] = capitalize(word);
        atStart = false;
      } else if (SENTENCE_END.has(word)) {
        atStart = true;
      }
    });
  }
  const { text, offsets } = detokenize(words);
  const marks: CandidateMark[] = [];
  kinds.forEach((kind, i) => {
    if (!kind) return;
    const start = offsets[i]!;
    const end = start + words[i]!.length;
    const last = marks.at(-1);
    // Neighbouring words from one forced term or one run of unknowns make one mark.
    if (last && last.kind === kind && kinds[i - 1] === kind && text.slice(last.end, start).trim() === '') last.end = end;
    else marks.push({ start, end, kind });
  });
  return { text, marks };
}
