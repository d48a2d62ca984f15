/**
 * The one plug-in interface of translation engines. The rule-based pre-translation (translation
 * memory + glossary), the learned statistical engine (src/main/services/translation-engines/) and
 * neural packs later all stand behind it, so the workbench asks "translate these segments" without
 * knowing which engine answers. A candidate is shown as machine translation with its engine's name,
 * never as approved.
 *
 * Language codes arrive as the workbench stores them (ISO 639-3: "vie", "tyz"); an engine that
 * knows its pair by other spellings ("vi") compares them through `canonicalLanguageCode`.
 */

export interface EngineSegment {
  /** Position in the bulletin (or test set); candidates refer back to it. */
  index: number;
  text: string;
  /** The segment before it in the bulletin (context), when there is one. */
  previous?: string;
}

/** A term the engine must use: where `source` occurs in a segment, `target` is its translation. */
export interface GlossaryTerm {
  source: string;
  target: string;
}

export interface EngineOptions {
  /** Stop early when aborted; engines throw a `cancelled` StudioError. */
  signal?: AbortSignal;
  /** Up to this many candidates per segment (default 1). */
  maxCandidates?: number;
  /** Terms the engine must use (engines that cannot force terms ignore them). */
  glossary?: GlossaryTerm[];
  /** Reported as work goes, 0–1. */
  onProgress?: (fraction: number) => void;
}

/** A stretch of a candidate's text (UTF-16 offsets, end exclusive) that was not translated as such. */
export interface CandidateMark {
  start: number;
  end: number;
  /**
   * `unknown`: a word the engine has never seen (or could not cover), copied through; `number`:
   * carried over exactly; `name`: a proper name (capitalised inside a sentence), carried over;
   * `glossary`: a forced term.
   */
  kind: 'unknown' | 'number' | 'name' | 'glossary';
}

export interface EngineCandidate {
  /** The `index` of the segment it translates. */
  index: number;
  text: string;
  /** 0–1: how much the engine trusts this candidate. */
  confidence: number;
  /** Which engine produced it ("tm", "learned:vi-tyz", …). */
  engine: string;
  marks: CandidateMark[];
}

export interface TranslationEngine {
  /** Stable id ("tm", "learned:vi-tyz"); pre-translation's `engine` option names it. */
  readonly id: string;
  /** Whether it can translate this pair (codes compared through `canonicalLanguageCode`). */
  supports(from: string, to: string): boolean;
  /** Candidates for the segments, best first within a segment; a segment may get none. */
  translate(segments: EngineSegment[], from: string, to: string, options?: EngineOptions): Promise<EngineCandidate[]>;
}

/** Two-letter and macro codes people type ("vi", "hmn") → the ISO 639-3 code the studio stores. */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { vi: 'vie', km: 'khm', hmn: 'hnj', mng: 'cmo' };

export function canonicalLanguageCode(code: string): string {
  const lower = code.trim().toLowerCase();
  return LANGUAGE_ALIASES[lower] ?? lower;
}

/** The best candidate per segment, in segment order (undefined where the engine gave none). */
export function bestCandidates(segments: readonly EngineSegment[], candidates: readonly EngineCandidate[]): Array<EngineCandidate | undefined> {
  const best = new Map<number, EngineCandidate>();
  for (const candidate of candidates) {
    const held = best.get(candidate.index);
    if (!held || candidate.confidence > held.confidence) best.set(candidate.index, candidate);
  }
  return segments.map((segment) => best.get(segment.index));
}
