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

/**
 * For each target word of each pair, the source index it aligns to, or -1 for NULL (Viterbi
 * alignment under the trained model).
 *
 * Every (source word, target word) pair that co-occurs gets one slot in a flat parameter array, and
 * each sentence pair keeps the slots of its (i, j) cells, so the EM iterations touch only typed
 * arrays (no hash lookups in the inner loop).
 */
export function alignDirection(sources: Int32Array[], targets: Int32Array[], targetVocab: number, options: Partial<AlignOptions> = {}): Int32Array[] {
  const { iterations, tension, nullProbability, onIteration } = { ...DEFAULTS, ...options };
  // Slot of (source id + 1, target id); source 0 is NULL.
  const slotOf = new Map<number, number>();
  const slotSource: number[] = [];
  const cells: Int32Array[] = sources.map((source, k) => {
    const target = targets[k]!;
    const n = source.length;
    const cellSlots = new Int32Array(target.length * (n + 1));
    target.forEach((t, j) => {
      for (let i = 0; i <= n; i++) {
        const s = i === 0 ? 0 : source[i - 1]! + 1;
        const key = s * targetVocab + t;
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slot = slotSource.length;
          slotOf.set(key, slot);
          slotSource.push(s);
        }
        cellSlots[j * (n + 1) + i] = slot;
      }
    });
    return cellSlots;
  });
  slotOf.clear();
  const slots = slotSource.length;
  const sourceOfSlot = Int32Array.from(slotSource);
  const sourceCount = sourceOfSlot.reduce((max, s) => Math.max(max, s), 0) + 1;
  const table = new Float64Array(slots).fill(1 / Math.max(1, targetVocab));
  const counts = new Float64Array(slots);
  const totals = new Float64Array(sourceCount);
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
    counts.fill(0);
    totals.fill(0);
    for (let k = 0; k < sources.length; k++) {
      const n = sources[k]!.length;
      const m = targets[k]!.length;
      const cellSlots = cells[k]!;
      for (let j = 0; j < m; j++) {
        fillPrior(j, m, n);
        const row = j * (n + 1);
        let sum = 0;
        for (let i = 0; i <= n; i++) {
          posterior[i] = prior[i]! * table[cellSlots[row + i]!]!;
          sum += posterior[i]!;
        }
        if (sum <= 0) continue;
        for (let i = 0; i <= n; i++) counts[cellSlots[row + i]!]! += posterior[i]! / sum;
      }
    }
    for (let slot = 0; slot < slots; slot++) totals[sourceOfSlot[slot]!]! += counts[slot]!;
    for (let slot = 0; slot < slots; slot++) {
      const total = totals[sourceOfSlot[slot]!]!;
      table[slot] = total > 0 ? counts[slot]! / total : 0;
    }
    onIteration?.(iteration + 1);
  }

  return sources.map((source, k) => {
    const n = source.length;
    const m = targets[k]!.length;
    const cellSlots = cells[k]!;
    const links = new Int32Array(m).fill(-1);
    for (let j = 0; j < m; j++) {
      fillPrior(j, m, n);
      const row = j * (n + 1);
      let best = prior[0]! * table[cellSlots[row]!]!;
      for (let i = 1; i <= n; i++) {
        const p = prior[i]! * table[cellSlots[row + i]!]!;
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
