/**
 * A draft assembled from the longest pieces the centre already has: left to right, the longest run
 * of source words that is a glossary term or the whole source of a short TM pair is replaced by
 * its translation; numbers and punctuation are copied; words nothing covers stay in Vietnamese in
 * spans marked `covered: false`, for the editor to translate.
 */
import type { DraftSpan, GlossaryEntry } from '../../../shared/translation/index.ts';
import { normaliseText, tokenise } from './text.ts';
import type { Phrase } from './tm.ts';

export interface PhraseTables {
  glossary: { byKey: Map<string, GlossaryEntry[]>; maxWords: number };
  tm: Map<string, Phrase>;
  tmMaxWords: number;
}

const IS_NUMBER = /^\p{N}[\p{N}.,/:h]*$/u;

export function assembleDraft(sourceText: string, tables: PhraseTables): { target: string; spans: DraftSpan[] } {
  const text = normaliseText(sourceText);
  const tokens = tokenise(text);
  const spans: DraftSpan[] = [];
  const push = (span: DraftSpan) => {
    const last = spans.at(-1);
    // One uncovered span for a run of uncovered words (with the spaces between them).
    if (last && !last.covered && !span.covered) {
      last.text += span.text;
      last.sourceText += span.sourceText;
    } else spans.push(span);
  };
  const copy = (from: number, to: number) => {
    if (to > from) push({ text: text.slice(from, to), covered: true, sourceText: text.slice(from, to), from: { kind: 'copy' } });
  };
  const maxWords = Math.max(tables.glossary.maxWords, tables.tmMaxWords);
  let position = 0;
  let i = 0;
  while (i < tokens.length) {
    copy(position, tokens[i]!.start);
    let matched = false;
    for (let n = Math.min(maxWords, tokens.length - i); n >= 1 && !matched; n--) {
      const key = tokens.slice(i, i + n).map((t) => t.key).join(' ');
      const surface = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
      const term = tables.glossary.byKey.get(key)?.[0];
      const pair = tables.tm.get(key);
      if (term) {
        const translation = term.kind === 'do-not-translate' ? surface : term.translation;
        push({ text: translation, covered: true, sourceText: surface, from: { kind: 'glossary', id: term.id } });
      } else if (pair) {
        push({ text: pair.target, covered: true, sourceText: surface, from: { kind: 'tm', id: pair.id } });
      } else continue;
      position = tokens[i + n - 1]!.end;
      i += n;
      matched = true;
    }
    if (matched) continue;
    const token = tokens[i]!;
    if (IS_NUMBER.test(token.key)) push({ text: text.slice(token.start, token.end), covered: true, sourceText: token.key, from: { kind: 'copy' } });
    else push({ text: text.slice(token.start, token.end), covered: false, sourceText: text.slice(token.start, token.end) });
    position = token.end;
    i += 1;
  }
  copy(position, text.length);
  mergeSpacesIntoUncovered(spans);
  let target = spans.map((s) => s.text).join('');
  // The TM data is lower case: give the draft the capital its source starts with.
  if (/^\p{Lu}/u.test(text) && spans[0]?.covered) target = target.charAt(0).toUpperCase() + target.slice(1);
  if (spans[0] && target !== spans.map((s) => s.text).join('')) spans[0].text = spans[0].text.charAt(0).toUpperCase() + spans[0].text.slice(1);
  return { target, spans };
}

/** "word␠word" left uncovered reads as one marked stretch, not two marks with a gap. */
function mergeSpacesIntoUncovered(spans: DraftSpan[]): void {
  for (let k = spans.length - 2; k >= 1; k--) {
    const [before, gap, after] = [spans[k - 1]!, spans[k]!, spans[k + 1]!];
    if (!before.covered && !after.covered && gap.from?.kind === 'copy' && /^\s+$/.test(gap.text)) {
      before.text += gap.text + after.text;
      before.sourceText += gap.sourceText + after.sourceText;
      spans.splice(k, 2);
    }
  }
}
