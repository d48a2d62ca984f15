/**
 * Reading preview and the user pronunciation dictionary (speech-text service).
 * 'reading.preview' shows exactly what a voice will say, sentence by sentence, with the
 * ambiguous expansions (TT = thị trấn / thông tư / thủ tướng …) and what was picked.
 */
import { z } from 'zod';
import { request } from './define.ts';

export const PronunciationKind = z.enum(['abbreviation', 'place', 'person', 'other']);
export type PronunciationKind = z.infer<typeof PronunciationKind>;

export interface Pronunciation {
  id: number;
  term: string;
  spoken: string;
  kind: PronunciationKind;
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
export const ReadingChoices = z.record(z.string().max(200), z.string().trim().min(1).max(200));

const PronunciationFields = z.strictObject({
  term: z.string().trim().min(1).max(100),
  spoken: z.string().trim().min(1).max(300),
  kind: PronunciationKind.default('other'),
  matchCase: z.boolean().default(false),
  note: z.string().max(500).default(''),
});

export const readingRequests = {
  'reading.preview': request<ReadingPreview>()(
    z.strictObject({
      text: z.string().max(200_000),
      choices: ReadingChoices.optional(),
      zeroTens: z.enum(['lẻ', 'linh']).optional(),
      thousand: z.enum(['nghìn', 'ngàn']).optional(),
    }),
  ),
  'dictionary.list': request<Pronunciation[]>()(z.strictObject({})),
  /** Adds a term, or replaces the entry with the same term (case/tone-placement insensitive) or id. */
  'dictionary.upsert': request<Pronunciation>()(PronunciationFields.extend({ id: z.number().int().positive().optional() })),
  'dictionary.delete': request<{ deleted: true }>()(z.strictObject({ id: z.number().int().positive() })),
};
