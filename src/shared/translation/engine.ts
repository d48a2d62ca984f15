/**
 * The plug-in interface of translation engines. The rule-based pre-translation (translation memory
 * + glossary) and any learned engine (src/main/services/translation-engines/) both stand behind it,
 * so the workbench asks "translate these segments" without knowing which engine answers.
 */

export interface EngineSegment {
  /** Position in the bulletin; candidates refer back to it. */
  index: number;
  text: string;
  /** The segment before it in the bulletin (context), when there is one. */
  previous?: string;
}

export interface EngineOptions {
  /** Stop early when aborted; engines throw a `cancelled` StudioError. */
  signal?: AbortSignal;
  /** Up to this many candidates per segment (default 1). */
  maxCandidates?: number;
  /** Reported as work goes, 0–1. */
  onProgress?: (fraction: number) => void;
}

export interface EngineCandidate {
  index: number;
  text: string;
  /** 0–1: how much the engine trusts this candidate. */
  confidence: number;
  /** Which engine produced it ("tm", "nllb-200-distilled", …). */
  engine: string;
}

export interface TranslationEngine {
  /** Stable id ("tm", "marian-tyz"). */
  readonly id: string;
  /** Language pairs it can translate (ISO 639-3 codes). */
  supports(from: string, to: string): boolean;
  translate(segments: EngineSegment[], from: string, to: string, options?: EngineOptions): Promise<EngineCandidate[]>;
}
