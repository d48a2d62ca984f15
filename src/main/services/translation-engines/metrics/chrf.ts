/**
 * chrF / chrF++ as sacrebleu 2.x computes them (default chrF2++: character n-grams 1..6 with
 * whitespace removed, word n-grams 1..2 after splitting punctuation off word edges, β = 2, scores
 * averaged over orders that have both hypothesis and reference n-grams). Written by hand because no
 * npm package reproduces sacrebleu's figures; checked against sacrebleu's own output in the tests.
 * Strings are compared as code points, as Python does (so NFD text scores lower than NFC, as there).
 */

import { StudioError } from '../../../../shared/errors.ts';

export interface ChrfOptions {
  charOrder?: number;
  /** 2 for chrF++ (the default), 0 for plain chrF. */
  wordOrder?: number;
  beta?: number;
}

const DEFAULTS = { charOrder: 6, wordOrder: 2, beta: 2 };
/** Python's string.punctuation. */
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
/** Python's str.split() with no argument splits on these (Unicode whitespace and separators). */
const PY_WHITESPACE = /[\s\x1c-\x1f\x85]+/u;

export function pySplit(text: string): string[] {
  return text.split(PY_WHITESPACE).filter((part) => part.length > 0);
}

function countNgrams(items: string[], order: number, joiner: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + order <= items.length; i++) {
    const key = items.slice(i, i + order).join(joiner);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** sacrebleu's CHRF._remove_punctuation: one punctuation mark split off the end, else the start. */
function wordsOf(sentence: string): string[] {
  const words: string[] = [];
  for (const word of pySplit(sentence)) {
    const chars = Array.from(word);
    if (chars.length === 1) words.push(word);
    else if (PUNCTUATION.has(chars.at(-1)!)) words.push(chars.slice(0, -1).join(''), chars.at(-1)!);
    else if (PUNCTUATION.has(chars[0]!)) words.push(chars[0]!, chars.slice(1).join(''));
    else words.push(word);
  }
  return words;
}

function ngramsOf(sentence: string, charOrder: number, wordOrder: number): Map<string, number>[] {
  const chars = Array.from(pySplit(sentence).join(''));
  const all: Map<string, number>[] = [];
  for (let n = 1; n <= charOrder; n++) all.push(countNgrams(chars, n, ''));
  if (wordOrder > 0) {
    const words = wordsOf(sentence);
    for (let n = 1; n <= wordOrder; n++) all.push(countNgrams(words, n, ' '));
  }
  return all;
}

/** Per order: hypothesis count, reference count, matches (flattened, three numbers per order). */
function matchStatistics(hyp: Map<string, number>[], ref: Map<string, number>[]): number[] {
  const stats: number[] = [];
  hyp.forEach((hypCounts, i) => {
    const refCounts = ref[i]!;
    let hypTotal = 0;
    let refTotal = 0;
    let matches = 0;
    for (const count of refCounts.values()) refTotal += count;
    for (const [gram, count] of hypCounts) {
      hypTotal += count;
      const inRef = refCounts.get(gram);
      if (inRef !== undefined) matches += Math.min(count, inRef);
    }
    // sacrebleu does not count hypothesis n-grams of an order the reference lacks.
    stats.push(refTotal > 0 ? hypTotal : 0, refTotal, matches);
  });
  return stats;
}

function fScore(stats: number[], beta: number): number {
  const factor = beta * beta;
  let precisionSum = 0;
  let recallSum = 0;
  let effectiveOrder = 0;
  for (let i = 0; i < stats.length; i += 3) {
    const [hyp, ref, match] = [stats[i]!, stats[i + 1]!, stats[i + 2]!];
    if (hyp > 0 && ref > 0) {
      precisionSum += match / hyp;
      recallSum += match / ref;
      effectiveOrder++;
    }
  }
  if (effectiveOrder === 0) return 0;
  const precision = precisionSum / effectiveOrder;
  const recall = recallSum / effectiveOrder;
  if (precision + recall === 0) return 0;
  return (100 * (1 + factor) * precision * recall) / (factor * precision + recall);
}

/**
 * Statistics of one segment against its references (sacrebleu keeps the reference with the best
 * F-score).
 */
function segmentStatistics(hypothesis: string, references: string[], options: Required<ChrfOptions>): number[] {
  const hyp = ngramsOf(hypothesis, options.charOrder, options.wordOrder);
  let best: number[] | null = null;
  let bestScore = -1;
  for (const reference of references) {
    const stats = matchStatistics(hyp, ngramsOf(reference, options.charOrder, options.wordOrder));
    const score = fScore(stats, options.beta);
    if (score > bestScore) {
      bestScore = score;
      best = stats;
    }
  }
  return best ?? new Array<number>(3 * (options.charOrder + options.wordOrder)).fill(0);
}

/**
 * Corpus chrF++: statistics summed over segments, then one F-score. `references` holds reference
 * streams, each aligned with `hypotheses` (sacrebleu's layout).
 */
export function corpusChrf(hypotheses: string[], references: string[][], options: ChrfOptions = {}): number {
  const resolved = { ...DEFAULTS, ...options };
  checkStreams(hypotheses, references);
  const totals = new Array<number>(3 * (resolved.charOrder + resolved.wordOrder)).fill(0);
  hypotheses.forEach((hypothesis, i) => {
    const stats = segmentStatistics(hypothesis, references.map((stream) => stream[i]!), resolved);
    stats.forEach((value, k) => (totals[k]! += value));
  });
  return fScore(totals, resolved.beta);
}

export function sentenceChrf(hypothesis: string, references: string[], options: ChrfOptions = {}): number {
  return corpusChrf([hypothesis], references.map((reference) => [reference]), options);
}

export function checkStreams(hypotheses: string[], references: string[][]): void {
  if (references.length === 0) throw new StudioError('invalid_argument', 'no reference stream', { field: 'references' });
  for (const stream of references) {
    if (stream.length !== hypotheses.length) {
      throw new StudioError('invalid_argument', 'reference stream length differs from hypotheses', { references: stream.length, hypotheses: hypotheses.length });
    }
  }
}
