/**
 * The two baselines every engine is measured against: copying the source, and an exact-match
 * translation memory (the training pairs looked up by their normalised source). A segment the
 * memory does not hold is left as its source, as pre-translation leaves it for the translator.
 */
import type { TranslateOptions, TranslationCandidate, TranslationEngine } from '../../../shared/translation-engine.ts';
import { StudioError } from '../../../shared/errors.ts';
import type { TextPair } from './learned/pairs.ts';
import { normalizedKey } from './learned/text.ts';

function copied(segment: string, engine: string): TranslationCandidate {
  return { text: segment, confidence: 0, engine, marks: segment ? [{ start: 0, end: segment.length, kind: 'unknown' }] : [] };
}

function checkCancelled(options: TranslateOptions) {
  if (options.signal?.aborted) throw new StudioError('cancelled', 'translation cancelled');
}

export class SourceCopyEngine implements TranslationEngine {
  readonly id = 'copy';

  async translate(segments: string[], _from: string, _to: string, options: TranslateOptions = {}): Promise<TranslationCandidate[][]> {
    checkCancelled(options);
    return segments.map((segment) => [copied(segment, this.id)]);
  }
}

export class ExactMemoryEngine implements TranslationEngine {
  readonly id = 'tm-exact';
  /** normalised source → its translations, most frequent first. */
  private readonly memory = new Map<string, string[]>();

  constructor(pairs: TextPair[]) {
    const counts = new Map<string, Map<string, number>>();
    for (const { source, target } of pairs) {
      const key = normalizedKey(source);
      const targets = counts.get(key) ?? new Map<string, number>();
      targets.set(target, (targets.get(target) ?? 0) + 1);
      counts.set(key, targets);
    }
    for (const [key, targets] of counts) this.memory.set(key, [...targets].sort((a, b) => b[1] - a[1]).map(([target]) => target));
  }

  async translate(segments: string[], _from: string, _to: string, options: TranslateOptions = {}): Promise<TranslationCandidate[][]> {
    checkCancelled(options);
    const count = Math.max(1, options.maxCandidates ?? 1);
    return segments.map((segment) => {
      const found = this.memory.get(normalizedKey(segment));
      if (!found) return [copied(segment, this.id)];
      return found.slice(0, count).map((text) => ({ text, confidence: 1, engine: this.id, marks: [] }));
    });
  }
}
