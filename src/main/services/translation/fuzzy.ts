/**
 * Fuzzy-match score of two segments, as OmegaT computes it: 100 × (1 − d / n), where d is the
 * Levenshtein distance between their word-token sequences and n the longer one's token count.
 * Floored, so a score never overstates a match. Written by hand: a token-level (not character)
 * Levenshtein on arrays is a dozen lines; the npm packages work on strings.
 */
import type { MatchBand } from '../../../shared/translation/index.ts';

export function tokenDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export function fuzzyScore(a: readonly string[], b: readonly string[]): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 100;
  return Math.floor(100 * (1 - tokenDistance(a, b) / longer));
}

/** The band a score falls in; null below 50 (not a match). */
export function bandOf(score: number): MatchBand | null {
  if (score >= 100) return '100';
  if (score >= 95) return '95-99';
  if (score >= 85) return '85-94';
  if (score >= 75) return '75-84';
  if (score >= 50) return '50-74';
  return null;
}
