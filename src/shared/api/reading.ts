/**
 * Reading preview and the user pronunciation dictionary (reading service).
 * 'reading.preview' shows exactly what a voice will say, sentence by sentence, with the
 * ambiguous expansions (TT = thị trấn / thông tư / thủ tướng …) and what was picked.
 */
import { z } from 'zod';
import { label, mapKey, multiLineText, RESERVED_KEYS } from '../text.ts';
import { request } from './define.ts';
import { MAX_SCRIPT_CHARS } from './library-types.ts';

/** Ambiguity picks sent with one reading preview or synthesis: one per ambiguous word at most. */
export const MAX_READING_CHOICES = 2000;

export const DictionaryEntryKind = z.enum(['abbreviation', 'place', 'person', 'other']);
export type DictionaryEntryKind = z.infer<typeof DictionaryEntryKind>;

export interface DictionaryEntry {
  id: number;
  term: string;
  spoken: string;
  kind: DictionaryEntryKind;
  matchCase: boolean;
  note: string;
  updatedAt: string;
}

export type ReadingPartKind =
  | 'text' | 'number' | 'date' | 'time' | 'phone' | 'citation' | 'abbreviation' | 'spelled'
  | 'roman' | 'dictionary' | 'symbol' | 'pause' | 'space';

export interface ReadingPart {
  start: number;
  end: number;
  source: string;
  spoken: string;
  kind: ReadingPartKind;
  ambiguity?: number;
  pauseMs?: number;
}

export interface ReadingSentence {
  text: string;
  spoken: string;
  paragraph: number;
  start: number;
  end: number;
  pauseAfterMs?: number;
  parts: ReadingPart[];
}

export interface ReadingAmbiguity {
  start: number;
  end: number;
  source: string;
  options: string[];
  chosen: string;
  reason: 'choice' | 'context' | 'default';
  sentence: number;
}

export interface ReadingPreview {
  text: string;
  encoding: 'unicode' | 'tcvn3' | 'vni';
  sentences: ReadingSentence[];
  spoken: string;
  ambiguities: ReadingAmbiguity[];
  leadingPauseMs?: number;
}

/** Picks for ambiguities: key = the ambiguity's start offset ("12") or its source text ("TT"). */
export const ReadingChoices = z
  // Counted before the entries are parsed: 100,000 picks are refused at once, not after parsing them all.
  .custom<Record<string, string>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length <= MAX_READING_CHOICES &&
      !Object.keys(value).some((key) => RESERVED_KEYS.has(key)),
    `an object of at most ${MAX_READING_CHOICES} choices, without reserved keys`,
  )
  .pipe(z.record(mapKey(200), label(200, 1)));

const PronunciationFields = z.strictObject({
  term: label(100, 1),
  spoken: label(300, 1),
  kind: DictionaryEntryKind.default('other'),
  matchCase: z.boolean().default(false),
  note: multiLineText(500).default(''),
});

export const readingRequests = {
  'reading.preview': request<ReadingPreview>()(
    z.strictObject({
      text: multiLineText(MAX_SCRIPT_CHARS),
      choices: ReadingChoices.optional(),
      zeroTens: z.enum(['lẻ', 'linh']).optional(),
      thousand: z.enum(['nghìn', 'ngàn']).optional(),
    }),
  ),
  'reading.dictionary.list': request<DictionaryEntry[]>()(z.strictObject({})),
  /** Adds a term, or replaces the entry with the same term (case/tone-placement insensitive) or id. */
  'reading.dictionary.upsert': request<DictionaryEntry>()(PronunciationFields.extend({ id: z.number().int().positive().optional() })),
  'reading.dictionary.delete': request<{ deleted: true }>()(z.strictObject({ id: z.number().int().positive() })),
};
