import { describe, expect, it } from 'vitest';
import {
  ExactMemoryEngine,
  FuzzyMemoryEngine,
  SourceCopyEngine,
  evaluate,
  type TextPair,
} from '../../../../src/main/services/translation-engines/index.ts';

const MEMORY: TextPair[] = [
  { source: 'tôi đi chợ', target: 'khỏi pây hang' },
  { source: 'Tôi đi chợ.', target: 'khỏi pây hang.' },
  { source: 'tôi đi chợ', target: 'khỏi pây chợ' },
  { source: 'tôi  đi chợ', target: 'khỏi pây chợ' },
  { source: 'mẹ về nhà hôm nay', target: 'me mà rườn ngày nẩy' },
];
const options = { from: 'vi', to: 'tyz' };

describe('translation memory baselines', () => {
  it('exact TM: the most frequent translation of the normalised source, else the source', async () => {
    const tm = new ExactMemoryEngine(MEMORY);
    const [hit, miss] = await tm.translate(['TÔI ĐI CHỢ!', 'mẹ về nhà'], 'vi', 'tyz', { maxCandidates: 5 });
    expect(hit!.map((c) => c.text)).toEqual(['khỏi pây chợ', 'khỏi pây hang', 'khỏi pây hang.']);
    expect(miss).toEqual([{ text: 'mẹ về nhà', confidence: 0, engine: 'tm-exact', marks: [{ start: 0, end: 9, kind: 'unknown' }] }]);
  });

  it('fuzzy TM: the closest source above the threshold', async () => {
    const tm = new FuzzyMemoryEngine(MEMORY, 0.7);
    const [near, far] = await tm.translate(['mẹ về nhà hôm qua', 'bố đi làm'], 'vi', 'tyz');
    expect(near![0]).toMatchObject({ text: 'me mà rườn ngày nẩy', confidence: 0.8 });
    expect(far![0]).toMatchObject({ text: 'bố đi làm', confidence: 0 });
  });

  it('evaluate counts copied words against coverage and keeps hypotheses in test order', async () => {
    const test = [
      { source: 'tôi đi chợ', target: 'khỏi pây hang' },
      { source: 'bố đi làm', target: 'pổ pây hất' },
    ];
    const tm = await evaluate(new ExactMemoryEngine(MEMORY), test, options);
    expect(tm.hypotheses).toEqual(['khỏi pây chợ', 'bố đi làm']);
    expect(tm.coverage).toBeCloseTo(0.5, 6);
    expect(tm.chrF).toBeGreaterThan(30);
    const copy = await evaluate(new SourceCopyEngine(), test, options);
    expect(copy.coverage).toBe(0);
    expect(copy.chrF).toBeLessThan(tm.chrF);
    await expect(evaluate(new SourceCopyEngine(), [], options)).rejects.toMatchObject({ code: 'invalid_argument' });
    const controller = new AbortController();
    controller.abort();
    await expect(evaluate(new SourceCopyEngine(), test, { ...options, signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
