/**
 * Cuts the scanned parts into sentences and paragraphs. Because the scanner has already claimed
 * the dots that belong to numbers ("5.000"), dates and abbreviations ("TP.", "v.v."), every "."
 * part left is real punctuation. Boundaries: . ! ? … followed by a space, a line break (headings
 * and list items are their own sentences), a pause marker. A blank line starts a new paragraph.
 * A sentence longer than MAX_SENTENCE characters is cut at its last comma or semicolon before the
 * limit, so a voice never gets an unbounded input.
 */
import type { SpeechPart, SpeechSentence } from './types.ts';

const MAX_SENTENCE = 400;
const ENDS_SENTENCE = /[.!?…]$/;

/** Joins parts' spoken text: spaces between words, none before punctuation, no doubled commas. */
export function joinSpoken(parts: SpeechPart[]): string {
  let out = '';
  for (const part of parts) {
    const s = part.spoken;
    if (!s) continue;
    if (out && /[\p{L}\p{N}]$/u.test(out) && /^[\p{L}\p{N}]/u.test(s)) out += ' ';
    out += s;
  }
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?…])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/,\s*([.!?…])/g, '$1')
    .replace(/([.!?…])(?:\s*[,.;:])+/g, '$1')
    .replace(/([,;:])(?=[\p{L}\p{N}])/gu, '$1 ')
    .replace(/^[\s,.;:!?…]+/, '')
    .replace(/[\s,;:]+$/, '')
    .trim();
}

function makeSentence(parts: SpeechPart[], paragraph: number): SpeechSentence | null {
  const content = parts.filter((p) => p.kind !== 'space');
  if (content.length === 0) return null;
  const spoken = joinSpoken(parts);
  if (!/[\p{L}\p{N}]/u.test(spoken)) return null;
  const first = content[0]!;
  const last = content[content.length - 1]!;
  // A part may carry the spaces around it (" - "): the sentence's source excludes them.
  const start = first.start + (first.source.length - first.source.trimStart().length);
  const end = last.end - (last.source.length - last.source.trimEnd().length);
  const text = parts.map((p) => p.source).join('').trim();
  return { text, spoken, paragraph, start, end, parts: content };
}

/** Splits an over-long run of parts at its last comma/semicolon within the limit. */
function splitLong(parts: SpeechPart[]): SpeechPart[][] {
  const out: SpeechPart[][] = [];
  let rest = parts;
  while (joinSpoken(rest).length > MAX_SENTENCE) {
    let length = 0;
    let cut = -1;
    for (let i = 0; i < rest.length; i++) {
      length += rest[i]!.spoken.length;
      if (length > MAX_SENTENCE) break;
      if (/^[,;:]\s*$/.test(rest[i]!.spoken) && i > 0) cut = i;
    }
    if (cut < 0) break;
    out.push(rest.slice(0, cut + 1));
    rest = rest.slice(cut + 1);
  }
  out.push(rest);
  return out;
}

export function splitSentences(parts: SpeechPart[]): { sentences: SpeechSentence[]; leadingPauseMs?: number } {
  const sentences: SpeechSentence[] = [];
  let leadingPauseMs: number | undefined;
  let paragraph = 0;
  let current: SpeechPart[] = [];
  let sawContentInParagraph = false;

  const flush = () => {
    for (const piece of splitLong(current)) {
      const sentence = makeSentence(piece, paragraph);
      if (sentence) {
        sentences.push(sentence);
        sawContentInParagraph = true;
      }
    }
    current = [];
  };

  parts.forEach((part, i) => {
    if (part.kind === 'pause') {
      flush();
      const last = sentences.at(-1);
      if (last) last.pauseAfterMs = (last.pauseAfterMs ?? 0) + (part.pauseMs ?? 0);
      else leadingPauseMs = (leadingPauseMs ?? 0) + (part.pauseMs ?? 0);
      return;
    }
    if (part.kind === 'space') {
      const breaks = (part.source.match(/\n/g) ?? []).length;
      if (breaks > 0) {
        flush();
        if (breaks > 1 && sawContentInParagraph) {
          paragraph += 1;
          sawContentInParagraph = false;
        }
        return;
      }
    }
    current.push(part);
    const next = parts[i + 1];
    if (part.kind === 'symbol' && ENDS_SENTENCE.test(part.spoken) && (!next || next.kind === 'space')) flush();
  });
  flush();
  return leadingPauseMs === undefined ? { sentences } : { sentences, leadingPauseMs };
}
