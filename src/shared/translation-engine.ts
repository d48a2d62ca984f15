/**
 * The contract every machine-translation engine meets (the learned statistical engine, neural
 * packs later): segments in, ranked candidates with a confidence out, cancellable. The workbench
 * shows a candidate as machine translation with its engine's name, never as approved.
 */

/** A term the engine must use: where `source` occurs in a segment, `target` is its translation. */
export interface GlossaryTerm {
  source: string;
  target: string;
}

export interface TranslateOptions {
  /** Candidates wanted per segment (best first); default 1. */
  maxCandidates?: number;
  glossary?: GlossaryTerm[];
  signal?: AbortSignal;
}

/** A stretch of a candidate's text (UTF-16 offsets, end exclusive) that was not translated. */
export interface CandidateMark {
  start: number;
  end: number;
  /**
   * `unknown`: a word the engine has never seen, copied through; `number`: carried over exactly;
   * `name`: a proper name (capitalised inside a sentence), carried over; `glossary`: a forced term.
   */
  kind: 'unknown' | 'number' | 'name' | 'glossary';
}

export interface TranslationCandidate {
  text: string;
  /** 0..1: how sure the engine is (share of words it knew, weighted by its translation probabilities). */
  confidence: number;
  /** Which engine made it, e.g. `learned:vi-tyz`. */
  engine: string;
  marks: CandidateMark[];
}

export interface TranslationEngine {
  readonly id: string;
  /** One list of candidates (best first, possibly empty) per segment, in segment order. */
  translate(segments: string[], from: string, to: string, options?: TranslateOptions): Promise<TranslationCandidate[][]>;
}
