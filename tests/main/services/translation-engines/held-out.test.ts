import { describe, expect, it } from 'vitest';
import {
  ExactMemoryEngine,
  FuzzyMemoryEngine,
  LearnedEngine,
  SourceCopyEngine,
  evaluate,
  normalizedKey,
  trainModel,
} from '../../../../src/main/services/translation-engines/index.ts';
import { loadTayViSplit } from '../../../helpers/mt-split.ts';

describe('learned engine on the held-out Tày split', () => {
  const { train, test } = loadTayViSplit();

  it('splits deterministically: 3+ word Vietnamese, never seen in training', () => {
    expect(test.length).toBeGreaterThan(500);
    expect(test.length).toBeLessThan(1000);
    const seen = new Set(train.map((pair) => normalizedKey(pair.source)));
    expect(test.every((pair) => !seen.has(normalizedKey(pair.source)))).toBe(true);
    expect(test.every((pair) => normalizedKey(pair.source).split(' ').length >= 3)).toBe(true);
    expect(loadTayViSplit().test).toEqual(test);
  });

  it('beats source copy, exact-match and fuzzy-match TM pre-translation on chrF++ in the same run', async () => {
    const options = { from: 'vi', to: 'tyz' };
    const learned = new LearnedEngine(trainModel(train, options));
    const [copy, memory, engine] = [
      await evaluate(new SourceCopyEngine(), test, options),
      await evaluate(new ExactMemoryEngine(train), test, options),
      await evaluate(learned, test, options),
    ];
    const fuzzy = await evaluate(new FuzzyMemoryEngine(train, 0.5), test, options);
    expect(engine.chrF).toBeGreaterThan(fuzzy.chrF);
    expect(engine.chrF).toBeGreaterThan(memory.chrF);
    expect(engine.chrF).toBeGreaterThan(copy.chrF);
    expect(engine.bleu).toBeGreaterThan(memory.bleu);
    expect(engine.coverage).toBeGreaterThan(memory.coverage);
    expect(engine.hypotheses).toHaveLength(test.length);
    expect(copy.coverage).toBe(0);
  }, 300_000);
});
