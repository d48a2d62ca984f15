import fs from 'node:fs';
import path from 'node:path';

const SHARED_TEXT = path.resolve(import.meta.dirname, '../../shared/data/vi-text');

/** Paragraphs of the real administrative documents in ../shared/data, for realistic scripts. */
export function loadParagraphs(): string[] {
  return fs
    .readdirSync(SHARED_TEXT)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(path.join(SHARED_TEXT, f), 'utf8').split(/\n\s*\n|\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 40);
}

/** A small deterministic generator, so every run builds the same library. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
