/**
 * The baselines every engine is measured against: copying the source, and the workbench's own
 * translation memory, filled from the training pairs: its exact matches only, and its full
 * pre-translation (exact and fuzzy matches, else a draft assembled from TM and glossary pieces,
 * uncovered words left in Vietnamese), exactly as the editor gets it. A segment the memory does
 * not cover stays as its source, marked, as pre-translation leaves it for the translator.
 */
import { StudioError } from '../../../shared/errors.ts';
import type { EngineCandidate, EngineOptions, EngineSegment, TranslationEngine } from '../../../shared/translation/index.ts';
import type { TranslationService } from '../translation/index.ts';
import type { TextPair } from './learned/pairs.ts';

function copied({ index, text }: EngineSegment, engine: string): EngineCandidate {
  return { index, text, confidence: 0, engine, marks: text ? [{ start: 0, end: text.length, kind: 'unknown' }] : [] };
}

export class SourceCopyEngine implements TranslationEngine {
  readonly id = 'copy';

  supports(): boolean {
    return true;
  }

  async translate(segments: EngineSegment[], _from: string, _to: string, options: EngineOptions = {}): Promise<EngineCandidate[]> {
    if (options.signal?.aborted) throw new StudioError('cancelled', 'translation cancelled');
    return segments.map((segment) => copied(segment, this.id));
  }
}

export interface MemoryBaselines {
  /** The workbench's pre-translation (id `tm`). */
  pretranslation: TranslationEngine;
  /** The workbench's exact TM matches only (id `tm-exact`). */
  exact: TranslationEngine;
}

/**
 * Fills `translation`'s memory for the pair with the training pairs and returns its two paths as
 * engines. Give it a translation service on a database of its own (a temp one for an evaluation),
 * never the library's: the pairs are added to its TM.
 */
export function memoryBaselines(
  translation: Pick<TranslationService, 'tm' | 'memoryEngine' | 'exactMemoryEngine'>,
  pairs: TextPair[],
  from: string,
  to: string,
): MemoryBaselines {
  if (pairs.length === 0) throw new StudioError('invalid_argument', 'no training pairs');
  translation.tm.add(from, to, pairs.map(({ source, target }) => ({ source, target })));
  return { pretranslation: translation.memoryEngine, exact: translation.exactMemoryEngine };
}
