/**
 * A script cut into translation segments. The cutting is the reading service's (it already
 * knows that the dots of "TP.", "v.v.", "5.000" and "18/9/2024" do not end a sentence, and that a
 * line break ends one); here each sentence is classed as a heading, a list item or a sentence.
 */
import type { SegmentKind, SourceSegment } from '../../../shared/translation/index.ts';
import { prepareForSpeech } from '../reading/index.ts';

const LIST_MARKER = /^(?:[-–—•+*]|\d{1,2}[.)]|[a-z\u0111][.)]|[IVXLC]{1,5}[.)])\s/u;
const ENDS_WITH_PUNCTUATION = /[.!?…:;,]["”')\]]*$/u;

function kindOf(text: string, wholeLine: boolean): SegmentKind {
  if (LIST_MARKER.test(text)) return 'list-item';
  if (wholeLine && !ENDS_WITH_PUNCTUATION.test(text)) return 'heading';
  return 'sentence';
}

export interface Segmented {
  /** The script after legacy conversion and NFC: segment offsets index it. */
  text: string;
  encoding: 'unicode' | 'tcvn3' | 'vni';
  segments: SourceSegment[];
}

/**
 * "v.v." (etc.) is read as an abbreviation, so the speech splitter keeps its dot; followed by a
 * capital it also ends the sentence. Unlike "TP." or "Q.", which a capital name follows.
 */
const ENDS_AFTER_ETC = /(?<=(?:^|\s)v\.v\.)\s+(?=\p{Lu})/gu;

function splitAfterEtc(text: string, start: number, end: number): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(ENDS_AFTER_ETC)) {
    pieces.push({ start: from, end: start + m.index });
    from = start + m.index + m[0].length;
  }
  pieces.push({ start: from, end });
  return pieces;
}

export function segmentScript(script: string): Segmented {
  const prepared = prepareForSpeech(script);
  const text = prepared.text;
  const pieces = prepared.sentences.flatMap((s) => splitAfterEtc(text, s.start, s.end).map((p) => ({ ...p, paragraph: s.paragraph })));
  const segments = pieces.map((s, index): SourceSegment => {
    const segmentText = text.slice(s.start, s.end);
    const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
    const lineEndAt = text.indexOf('\n', s.end);
    const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
    const wholeLine = text.slice(lineStart, s.start).trim() === '' && text.slice(s.end, lineEnd).trim() === '';
    return { index, text: segmentText, kind: kindOf(segmentText, wholeLine), paragraph: s.paragraph, start: s.start, end: s.end };
  });
  return { text, encoding: prepared.encoding, segments };
}
