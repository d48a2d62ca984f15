/** Shared shapes of the reading pipeline (no logic here). */
import type { ReadingAmbiguity, ReadingPart, ReadingPartKind, ReadingPreview, ReadingSentence } from '../../../shared/api/reading.ts';
import type { NumberStyle } from './numbers.ts';

/** One user pronunciation: `term` in the script is read as `spoken`. */
export interface PronunciationEntry {
  term: string;
  spoken: string;
  /** When false (default) "ubnd" matches "UBND" too. */
  matchCase?: boolean;
}

export interface PrepareOptions {
  /** User dictionary, applied before every built-in rule. */
  dictionary?: PronunciationEntry[];
  /**
   * The editor's picks for ambiguous expansions. Key: the ambiguity's `start` offset (as a string)
   * for one occurrence, or its source text (e.g. "TT") for every occurrence. Value: the reading.
   */
  choices?: Record<string, string>;
  style?: NumberStyle;
}

/*
 * The pipeline's result is the contract's reading preview (src/shared/api/reading.ts), sent to the
 * screen as is; these names are what the pipeline calls its parts.
 */
export type PartKind = ReadingPartKind;
/** A stretch of the source and what is said for it. Offsets index `PreparedSpeech.text`. */
export type SpeechPart = ReadingPart;
export type Ambiguity = ReadingAmbiguity;
export type SpeechSentence = ReadingSentence;
/** `text` is the input after legacy-encoding conversion, NFC and tone-placement normalisation. */
export type PreparedSpeech = ReadingPreview;
