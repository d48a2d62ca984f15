/**
 * Word alignment: a fast_align-style IBM Model 2 (Dyer et al. 2013: lexical translation
 * probabilities times a prior that favours the diagonal, with a NULL word), trained by EM in each
 * direction, then symmetrised with grow-diag-final-and (Koehn et al. 2003). Written by hand: the
 * maintained aligners (fast_align, eflomal, GIZA++) are C/C++ programs, not npm packages.
 * Sentences are arrays of word ids; an alignment is a list of [source index, target index] links.
 */

export type Links = Array<[number, number]>;

export interface AlignOptions {
  iterations: number;
  /** How strongly links keep to the diagonal (fast_align's default tension is 4). */
  tension: number;
  /** Prior probability that a word aligns to nothing. */
  nullProbability: number;
  /** Called after each EM iteration; may throw to cancel. */
  onIteration?: (done: number) => void;
}

const DEFAULTS: AlignOptions = { iterations: 5, tension: 4, nullProbability: 0.08 };
/** Key of a (source word, target word) pair; source id 0 is NULL, so ids are shifted by one. */
const pairKey = (source: number, target: number, targetVocab: number) => source * targetVocab + target;

/**
 * For each target word of each pair, the source index it aligns to, or -1 for NULL (Viterbi
 * alignment under the trained model).
 */
export function alignDirection(sources: Int32Array[], targets: Int32Array[], targetVocab: number, options: Partial<AlignOptions> = {}): Int32Array[] {
  const { iterations, tension, nullProbability, onIteration } = { ...DEFAULTS, ...options };
  let table = new Map<number, number>();
  const uniform = 1 / Math.max(1, targetVocab);
  const translation = (s: number, t: number) => table.get(pairKey(s, t, targetVocab)) ?? (table.size === 0 ? uniform : 1e-9);
  const posterior: number[] = [];
  const prior: number[] = [];

  /** Fills `prior` with the diagonal prior of each source position (index 0 = NULL) for target j. */
  const fillPrior = (j: number, m: number, n: number) => {
    let z = 0;
    for (let i = 0; i < n; i++) {
      prior[i + 1] = Math.exp(-tension * Math.abs((i + 1) / n - (j + 1) / m));
      z += prior[i + 1]!;
    }
    for (let i = 1; i <= n; i++) prior[i] = ((1 - nullProbability) * prior[i]!) / z;
    prior[0] = nullProbability;
  };

  for (let iteration = 0; iteration < iterations; iteration++) {
    const counts = new Map<number, number>();
    const totals = new Map<number, number>();
    for (let k = 0; k < sources.length; k++) {
      const source = sources[k]!;
      const target = targets[k]!;
      const n = source.length;
      const m = target.length;
      for (let j = 0; j < m; j++) {
        const t = target[j]!;
        fillPrior(j, m, n);
        let sum = 0;
        for (let i = 0; i <= n; i++) {
          const s = i === 0 ? 0 : source[i - 1]! + 1;
          posterior[i] = prior[i]! * translation(s, t);
          sum += posterior[i]!;
        }
        if (sum <= 0) continue;
        for (let i = 0; i <= n; i++) {
          const s = i === 0 ? 0 : source[i - 1]! + 1;
          const share = posterior[i]! / sum;
          const key = pairKey(s, t, targetVocab);
          counts.set(key, (counts.get(key) ?? 0) + share);
          totals.set(s, (totals.get(s) ?? 0) + share);
        }
      }
    }
    const next = new Map<number, number>();
    for (const [key, count] of counts) {
      const s = Math.floor(key / targetVocab);
      next.set(key, count / totals.get(s)!);
    }
    table = next;
    onIteration?.(iteration + 1);
  }

  return sources.map((source, k) => {
    const target = targets[k]!;
    const n = source.length;
    const m = target.length;
    const links = new Int32Array(m).fill(-1);
    for (let j = 0; j < m; j++) {
      fillPrior(j, m, n);
      let best = prior[0]! * translation(0, target[j]!);
      for (let i = 1; i <= n; i++) {
        const p = prior[i]! * translation(source[i - 1]! + 1, target[j]!);
        if (p > best) {
          best = p;
          links[j] = i - 1;
        }
      }
    }
    return links;
  });
}

const NEIGHBOURS: Array<[number, number]> = [[-1, 0], [0, -1], [1, 0], [0, 1], [-1, -1], [-1, 1], [1, -1], [1, 1]];

/**
 * grow-diag-final-and of two directional alignments of one pair: `sourceToTarget[j]` is the source
 * index of target word j (or -1), `targetToSource[i]` the target index of source word i (or -1).
 */
export function symmetrize(sourceToTarget: Int32Array, targetToSource: Int32Array): Links {
  const n = targetToSource.length;
  const m = sourceToTarget.length;
  const forward = new Set<number>();
  const backward = new Set<number>();
  sourceToTarget.forEach((i, j) => i >= 0 && forward.add(i * m + j));
  targetToSource.forEach((j, i) => j >= 0 && backward.add(i * m + j));
  const current = new Set([...forward].filter((key) => backward.has(key)));
  const union = new Set([...forward, ...backward]);
  const sourceAligned = new Uint8Array(n);
  const targetAligned = new Uint8Array(m);
  const add = (key: number) => {
    current.add(key);
    sourceAligned[Math.floor(key / m)] = 1;
    targetAligned[key % m] = 1;
  };
  for (const key of current) add(key);

  let grown = true;
  while (grown) {
    grown = false;
    for (const key of [...current]) {
      const i = Math.floor(key / m);
      const j = key % m;
      for (const [di, dj] of NEIGHBOURS) {
        const ni = i + di;
        const nj = j + dj;
        if (ni < 0 || nj < 0 || ni >= n || nj >= m) continue;
        const candidate = ni * m + nj;
        if (current.has(candidate) || !union.has(candidate)) continue;
        if (!sourceAligned[ni] || !targetAligned[nj]) {
          add(candidate);
          grown = true;
        }
      }
    }
  }
  for (const direction of [forward, backward]) {
    for (const key of direction) {
      const i = Math.floor(key / m);
      const j = key % m;
      if (!current.has(key) && !sourceAligned[i] && !targetAligned[j]) add(key);
    }
  }
  return [...current].map((key) => [Math.floor(key / m), key % m] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
