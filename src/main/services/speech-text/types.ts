/** Shared shapes of the speech-text pipeline (no logic here). */
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

export type PartKind =
  | 'text'
  | 'number'
  | 'date'
  | 'time'
  | 'phone'
  | 'citation'
  | 'abbreviation'
  | 'spelled'
  | 'roman'
  | 'dictionary'
  | 'symbol'
  | 'pause'
  | 'space';

/** A stretch of the source and what is said for it. Offsets index `PreparedSpeech.text`. */
export interface SpeechPart {
  start: number;
  end: number;
  source: string;
  spoken: string;
  kind: PartKind;
  /** Index into `PreparedSpeech.ambiguities` when this reading was one of several. */
  ambiguity?: number;
  /** Only for kind 'pause'. */
  pauseMs?: number;
}

export interface Ambiguity {
  start: number;
  end: number;
  source: string;
  options: string[];
  chosen: string;
  /** Why `chosen` was picked: the editor's choice, or the context rule. */
  reason: 'choice' | 'context' | 'default';
  sentence: number;
}

export interface SpeechSentence {
  /** The source text of the sentence (a slice of `PreparedSpeech.text`). */
  text: string;
  /** Exactly what the voice will say. */
  spoken: string;
  /** 0-based paragraph (blocks separated by a blank line). */
  paragraph: number;
  start: number;
  end: number;
  /** Silence requested by a pause marker right after this sentence. */
  pauseAfterMs?: number;
  parts: SpeechPart[];
}

export interface PreparedSpeech {
  /** The input after legacy-encoding conversion, NFC and tone-placement normalisation. */
  text: string;
  /** The legacy encoding the input was detected in and converted from. */
  encoding: 'unicode' | 'tcvn3' | 'vni';
  sentences: SpeechSentence[];
  /** All sentences' spoken text, one per line. */
  spoken: string;
  ambiguities: Ambiguity[];
  /** Pause requested before the first sentence. */
  leadingPauseMs?: number;
}
