/**
 * Target-language n-gram model with interpolated Kneser-Ney smoothing (Chen & Goodman 1998; one
 * discount per order, D = n1 / (n1 + 2·n2)), stored like an ARPA file: each seen n-gram keeps its
 * interpolated ln-probability, each seen context its back-off weight. Written by hand: the npm
 * n-gram packages offer neither Kneser-Ney nor a compact back-off form.
 */

export const BOS = '<s>';
export const EOS = '</s>';

export interface LanguageModelData {
  order: number;
  /** n-gram (words joined by one space) → ln P(last word | the words before). */
  probabilities: Array<[string, number]>;
  /** context → ln of the weight given to the shorter context's estimate. */
  backoffs: Array<[string, number]>;
  /** ln P of a word never seen. */
  unknown: number;
}

export function trainLanguageModel(sentences: string[][], order: number): LanguageModelData {
  // counts[n-1]: n-gram → count (raw for the highest order and for n-grams starting with <s>, else continuation counts)
  const raw: Array<Map<string, number>> = Array.from({ length: order }, () => new Map());
  for (const words of sentences) {
    const padded = [BOS, ...words, EOS];
    for (let n = 1; n <= order; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        if (n === 1 && i === 0) continue; // <s> is never predicted
        const key = padded.slice(i, i + n).join(' ');
        raw[n - 1]!.set(key, (raw[n - 1]!.get(key) ?? 0) + 1);
      }
    }
  }
  const adjusted: Array<Map<string, number>> = raw.map((map, index) => (index === order - 1 ? new Map(map) : new Map()));
  for (let n = order; n >= 2; n--) {
    for (const key of raw[n - 1]!.keys()) {
      const suffix = key.slice(key.indexOf(' ') + 1);
      adjusted[n - 2]!.set(suffix, (adjusted[n - 2]!.get(suffix) ?? 0) + 1);
    }
  }
  for (let n = 1; n < order; n++) {
    for (const [key, count] of raw[n - 1]!) if (key.startsWith(`${BOS} `) || key === BOS) adjusted[n - 1]!.set(key, count);
  }

  const probabilities = new Map<string, number>();
  const backoffs = new Map<string, number>();
  const vocabulary = adjusted[0]!.size + 1;
  let unigramLowerMass = 0;

  for (let n = 1; n <= order; n++) {
    const counts = adjusted[n - 1]!;
    let n1 = 0;
    let n2 = 0;
    for (const count of counts.values()) {
      if (count === 1) n1++;
      else if (count === 2) n2++;
    }
    const discount = n1 + n2 > 0 && n1 > 0 ? Math.min(0.95, Math.max(0.05, n1 / (n1 + 2 * n2))) : 0.5;
    const contextTotals = new Map<string, { total: number; types: number }>();
    for (const [key, count] of counts) {
      const context = n === 1 ? '' : key.slice(0, key.lastIndexOf(' '));
      const entry = contextTotals.get(context) ?? { total: 0, types: 0 };
      entry.total += count;
      entry.types++;
      contextTotals.set(context, entry);
    }
    for (const [key, count] of counts) {
      const space = key.lastIndexOf(' ');
      const context = n === 1 ? '' : key.slice(0, space);
      const { total, types } = contextTotals.get(context)!;
      const lowerWeight = (discount * types) / total;
      const lower = n === 1 ? 1 / vocabulary : Math.exp(lookup(key.slice(key.indexOf(' ') + 1)));
      probabilities.set(key, Math.log(Math.max(count - discount, 0) / total + lowerWeight * lower));
    }
    for (const [context, { total, types }] of contextTotals) {
      const weight = (discount * types) / total;
      if (n === 1) unigramLowerMass = weight;
      else backoffs.set(context, Math.log(weight));
    }
  }

  function lookup(key: string): number {
    const known = probabilities.get(key);
    if (known !== undefined) return known;
    const space = key.indexOf(' ');
    if (space < 0) return Math.log(unigramLowerMass / vocabulary);
    const context = key.slice(0, key.lastIndexOf(' '));
    return (backoffs.get(context) ?? 0) + lookup(key.slice(space + 1));
  }

  const round = (entries: Iterable<[string, number]>) => [...entries].map(([k, v]): [string, number] => [k, Math.round(v * 1e4) / 1e4]);
  return { order, probabilities: round(probabilities), backoffs: round(backoffs), unknown: Math.log(unigramLowerMass / vocabulary) };
}

/** Scores words with a trained model. */
export class LanguageModel {
  readonly order: number;
  private readonly probabilities: Map<string, number>;
  private readonly backoffs: Map<string, number>;
  private readonly unknown: number;

  constructor(data: LanguageModelData) {
    this.order = data.order;
    this.probabilities = new Map(data.probabilities);
    this.backoffs = new Map(data.backoffs);
    this.unknown = data.unknown;
  }

  /** ln P(word | context), context being the previous words (only the last order−1 count). */
  logProbability(context: readonly string[], word: string): number {
    const history = context.slice(Math.max(0, context.length - (this.order - 1)));
    return this.score(history, word);
  }

  private score(history: readonly string[], word: string): number {
    const key = history.length === 0 ? word : `${history.join(' ')} ${word}`;
    const known = this.probabilities.get(key);
    if (known !== undefined) return known;
    if (history.length === 0) return this.unknown;
    return (this.backoffs.get(history.join(' ')) ?? 0) + this.score(history.slice(1), word);
  }
}
