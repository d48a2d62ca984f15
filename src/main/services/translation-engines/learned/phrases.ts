/**
 * Phrase pairs from word-aligned sentence pairs (Koehn's consistent-phrase extraction, with
 * unaligned target words at the edges), scored with both conditional probabilities and both
 * lexical weights (Koehn et al. 2003). Words are plain strings; a phrase is its words joined by
 * one space.
 */
import type { Links } from './alignment.ts';

/** One translation of a source phrase: target words, ln φ(t|s), ln φ(s|t), ln lex(t|s), ln lex(s|t). */
export type PhraseEntry = [target: string, forward: number, backward: number, lexForward: number, lexBackward: number];
export type PhraseTable = Map<string, PhraseEntry[]>;

export interface AlignedPair {
  source: string[];
  target: string[];
  links: Links;
}

const NULL_WORD = '\u0000';

interface Occurrence {
  count: number;
  lexForward: number;
  lexBackward: number;
}

/** w(t|s) and w(s|t) from the symmetrised links, with NULL for unaligned words. */
function lexicalTables(pairs: AlignedPair[]) {
  const joint = new Map<string, number>();
  const sourceTotals = new Map<string, number>();
  const targetTotals = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const { source, target, links } of pairs) {
    const sourceLinked = new Uint8Array(source.length);
    const targetLinked = new Uint8Array(target.length);
    for (const [i, j] of links) {
      sourceLinked[i] = 1;
      targetLinked[j] = 1;
      bump(joint, `${source[i]}\t${target[j]}`);
      bump(sourceTotals, source[i]!);
      bump(targetTotals, target[j]!);
    }
    source.forEach((s, i) => {
      if (sourceLinked[i]) return;
      bump(joint, `${s}\t${NULL_WORD}`);
      bump(sourceTotals, s);
      bump(targetTotals, NULL_WORD);
    });
    target.forEach((t, j) => {
      if (targetLinked[j]) return;
      bump(joint, `${NULL_WORD}\t${t}`);
      bump(sourceTotals, NULL_WORD);
      bump(targetTotals, t);
    });
  }
  return {
    targetGivenSource: (s: string, t: string) => (joint.get(`${s}\t${t}`) ?? 0) / (sourceTotals.get(s) ?? 1),
    sourceGivenTarget: (s: string, t: string) => (joint.get(`${s}\t${t}`) ?? 0) / (targetTotals.get(t) ?? 1),
  };
}

export interface ExtractOptions {
  maxLength: number;
  /** Translations kept per source phrase (the most probable). */
  maxTranslations: number;
  /** Called every few thousand pairs with the share done; may throw to cancel. */
  onProgress?: (fraction: number) => void;
}

export function extractPhraseTable(pairs: AlignedPair[], options: ExtractOptions): PhraseTable {
  const { maxLength, maxTranslations, onProgress } = options;
  const lexicon = lexicalTables(pairs);
  const found = new Map<string, Map<string, Occurrence>>();
  const targetCounts = new Map<string, number>();

  pairs.forEach((pair, index) => {
    if (index % 2000 === 0) onProgress?.(index / pairs.length);
    const { source, target, links } = pair;
    const targetLinks: number[][] = target.map(() => []);
    const sourceLinks: number[][] = source.map(() => []);
    for (const [i, j] of links) {
      sourceLinks[i]!.push(j);
      targetLinks[j]!.push(i);
    }
    for (let s0 = 0; s0 < source.length; s0++) {
      for (let s1 = s0; s1 < Math.min(source.length, s0 + maxLength); s1++) {
        let t0 = Infinity;
        let t1 = -1;
        for (let i = s0; i <= s1; i++) for (const j of sourceLinks[i]!) [t0, t1] = [Math.min(t0, j), Math.max(t1, j)];
        if (t1 < 0 || t1 - t0 >= maxLength) continue;
        let consistent = true;
        for (let j = t0; j <= t1 && consistent; j++) consistent = targetLinks[j]!.every((i) => i >= s0 && i <= s1);
        if (!consistent) continue;
        // Extend over unaligned target words on either side.
        for (let e0 = t0; e0 >= 0 && (e0 === t0 || targetLinks[e0]!.length === 0); e0--) {
          for (let e1 = t1; e1 < target.length && (e1 === t1 || targetLinks[e1]!.length === 0) && e1 - e0 < maxLength; e1++) {
            record(pair, s0, s1, e0, e1, sourceLinks, targetLinks);
          }
        }
      }
    }
  });

  function record(pair: AlignedPair, s0: number, s1: number, t0: number, t1: number, sourceLinks: number[][], targetLinks: number[][]) {
    const sourceWords = pair.source.slice(s0, s1 + 1);
    const targetWords = pair.target.slice(t0, t1 + 1);
    // lex(t|s): each target word averages w(t|s) over its links inside the phrase, or takes w(t|NULL).
    let lexForward = 0;
    for (let j = t0; j <= t1; j++) {
      const linked = targetLinks[j]!;
      const t = pair.target[j]!;
      lexForward += Math.log(
        linked.length === 0 ? lexicon.targetGivenSource(NULL_WORD, t) : linked.reduce((sum, i) => sum + lexicon.targetGivenSource(pair.source[i]!, t), 0) / linked.length,
      );
    }
    let lexBackward = 0;
    for (let i = s0; i <= s1; i++) {
      const linked = sourceLinks[i]!;
      const s = pair.source[i]!;
      lexBackward += Math.log(
        linked.length === 0 ? lexicon.sourceGivenTarget(s, NULL_WORD) : linked.reduce((sum, j) => sum + lexicon.sourceGivenTarget(s, pair.target[j]!), 0) / linked.length,
      );
    }
    const sourceKey = sourceWords.join(' ');
    const targetKey = targetWords.join(' ');
    let translations = found.get(sourceKey);
    if (!translations) found.set(sourceKey, (translations = new Map()));
    const seen = translations.get(targetKey);
    if (seen) {
      seen.count++;
      seen.lexForward = Math.max(seen.lexForward, lexForward);
      seen.lexBackward = Math.max(seen.lexBackward, lexBackward);
    } else {
      translations.set(targetKey, { count: 1, lexForward, lexBackward });
    }
    targetCounts.set(targetKey, (targetCounts.get(targetKey) ?? 0) + 1);
  }

  const table: PhraseTable = new Map();
  for (const [sourceKey, translations] of found) {
    let total = 0;
    for (const { count } of translations.values()) total += count;
    const entries = [...translations]
      .map(([targetKey, { count, lexForward, lexBackward }]): PhraseEntry => [
        targetKey,
        Math.log(count / total),
        Math.log(count / targetCounts.get(targetKey)!),
        lexForward,
        lexBackward,
      ])
      .sort((a, b) => b[1] - a[1] || b[3] - a[3])
      .slice(0, maxTranslations)
      .map((entry) => entry.map((v) => (typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v)) as PhraseEntry);
    table.set(sourceKey, entries);
  }
  onProgress?.(1);
  return table;
}
