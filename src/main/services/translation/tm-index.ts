/**
 * In-memory shortlist for fuzzy lookup in one language pair: an inverted index from word token to
 * the segments holding it. A query counts, per segment, the tokens it shares (multiset overlap m;
 * only segments holding one of its rarer tokens are considered, see search()).
 * Since edit distance ≥ max(la, lb) − m, the score is at most 100·m / max(la, lb): candidates are
 * scored in order of that bound and the search stops once the bound falls below the k-th best
 * score, so the answer equals a full scan's, at a fraction of its cost. The index is rebuilt from
 * SQLite on first use (SQLite stays the truth) and kept up to date as segments are added.
 */
import { fuzzyScore } from './fuzzy.ts';

export interface IndexedHit {
  id: number;
  score: number;
}

export class TmIndex {
  private ids: number[] = [];
  private tokens: string[][] = [];
  private postings = new Map<string, number[]>();
  private counts = new Int32Array(1024);

  get size(): number {
    return this.ids.length;
  }

  add(id: number, keys: string[]): void {
    const slot = this.ids.length;
    this.ids.push(id);
    this.tokens.push(keys);
    // Occurrences of one token in one segment stay consecutive in its posting list.
    for (const key of [...keys].sort()) {
      let list = this.postings.get(key);
      if (!list) this.postings.set(key, (list = []));
      list.push(slot);
    }
    if (this.counts.length < this.ids.length) {
      const grown = new Int32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
  }

  /** The best `limit` segments scoring at least `minScore`, best first. */
  search(query: string[], limit: number, minScore: number): IndexedHit[] {
    if (query.length === 0) return [];
    const wanted = new Map<string, number>();
    for (const key of query) wanted.set(key, (wanted.get(key) ?? 0) + 1);
    // Prefix filter: a segment scoring ≥ minScore shares at least `need` tokens with the query, so
    // it holds one of the rarest tokens unless the others alone could reach `need`. Only the rare
    // tokens admit candidates; the frequent ones ("của", "và") then only add to their counts.
    const need = Math.ceil((minScore * query.length) / 100);
    const byRarity = [...wanted].sort((a, b) => (this.postings.get(a[0])?.length ?? 0) - (this.postings.get(b[0])?.length ?? 0));
    let rest = query.length;
    let admitting = 0;
    for (const [, inQuery] of byRarity) {
      if (admitting > 0 && rest < need) break;
      admitting += 1;
      rest -= inQuery;
    }
    const counts = this.counts;
    const touched: number[] = [];
    byRarity.forEach(([key, inQuery], order) => {
      const list = this.postings.get(key);
      if (!list) return;
      const admits = order < admitting;
      let run = 0;
      for (let i = 0; i < list.length; i++) {
        const slot = list[i]!;
        run = i > 0 && list[i - 1] === slot ? run + 1 : 1;
        if (run > inQuery) continue;
        if (counts[slot] === 0) {
          if (!admits) continue;
          touched.push(slot);
        }
        counts[slot]! += 1;
      }
    });
    // Bucketed by bound (0–100) rather than sorted: linear in the number of touched segments.
    const buckets: number[][] = [];
    for (const slot of touched) {
      const bound = Math.floor((100 * counts[slot]!) / Math.max(query.length, this.tokens[slot]!.length));
      counts[slot] = 0;
      if (bound >= minScore) (buckets[bound] ??= []).push(slot);
    }
    const best: IndexedHit[] = [];
    for (let bound = 100; bound >= minScore; bound--) {
      if (best.length >= limit && bound < best[limit - 1]!.score) break;
      for (const slot of buckets[bound] ?? []) {
        const score = fuzzyScore(query, this.tokens[slot]!);
        if (score < minScore) continue;
        best.push({ id: this.ids[slot]!, score });
      }
      best.sort((a, b) => b.score - a.score);
      // Keep ties at the cut: alternatives of one source share a score.
      if (best.length > limit) {
        const cut = best[limit - 1]!.score;
        while (best.length > limit && best[best.length - 1]!.score < cut) best.pop();
      }
    }
    return best;
  }
}
