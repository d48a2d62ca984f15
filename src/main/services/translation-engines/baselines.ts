/**
 * The baselines every engine is measured against: copying the source, an exact-match translation
 * memory (the training pairs looked up by their normalised source), and a fuzzy-match one (the
 * most similar training source by word edit distance, above a threshold). A segment the memory
 * does not match is left as its source, as pre-translation leaves it for the translator.
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

/** Word-level Levenshtein distance. */
function editDistance(a: string[], b: string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Candidates compared by edit distance per segment (those sharing the most words). */
const FUZZY_CANDIDATES = 50;

export class FuzzyMemoryEngine implements TranslationEngine {
  readonly id: string;
  private readonly sources: string[][] = [];
  private readonly targets: string[] = [];
  private readonly index = new Map<string, number[]>();

  /** `threshold`: the least similarity (1 − distance ÷ longer length) a match needs, 0..1. */
  constructor(pairs: TextPair[], private readonly threshold = 0.7) {
    this.id = `tm-fuzzy-${Math.round(threshold * 100)}`;
    for (const { source, target } of pairs) {
      const words = normalizedKey(source).split(' ').filter(Boolean);
      const id = this.sources.length;
      this.sources.push(words);
      this.targets.push(target);
      for (const word of new Set(words)) {
        const postings = this.index.get(word) ?? [];
        postings.push(id);
        this.index.set(word, postings);
      }
    }
  }

  async translate(segments: string[], _from: string, _to: string, options: TranslateOptions = {}): Promise<TranslationCandidate[][]> {
    checkCancelled(options);
    return segments.map((segment) => {
      const words = normalizedKey(segment).split(' ').filter(Boolean);
      const shared = new Map<number, number>();
      for (const word of new Set(words)) for (const id of this.index.get(word) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      let best = -1;
      let bestSimilarity = -1;
      for (const [id] of [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, FUZZY_CANDIDATES)) {
        const other = this.sources[id]!;
        const similarity = 1 - editDistance(words, other) / Math.max(words.length, other.length, 1);
        if (similarity > bestSimilarity) [best, bestSimilarity] = [id, similarity];
      }
      if (best < 0 || bestSimilarity < this.threshold) return [copied(segment, this.id)];
      return [{ text: this.targets[best]!, confidence: Math.round(bestSimilarity * 1000) / 1000, engine: this.id, marks: [] }];
    });
  }
}
