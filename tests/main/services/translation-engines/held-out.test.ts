import { describe, expect, it } from 'vitest';
import { LearnedEngine, SourceCopyEngine, evaluate, normalizedKey, trainModel } from '../../../../src/main/services/translation-engines/index.ts';
import { loadTayViSplit, openWorkbenchBaselines } from '../../../helpers/mt-split.ts';

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

  it('orders learned engine > workbench TM pre-translation > source copy on chrF++, in the same run', async () => {
    const options = { from: 'vi', to: 'tyz' };
    const learned = new LearnedEngine(trainModel(train, options));
    const workbench = openWorkbenchBaselines(train, [learned]);
    try {
      const copy = await evaluate(new SourceCopyEngine(), test, options);
      const exact = await evaluate(workbench.exact, test, options);
      const memory = await evaluate(workbench.pretranslation, test, options);
      const engine = await evaluate(learned, test, options);
      expect(engine.chrF).toBeGreaterThan(memory.chrF);
      expect(memory.chrF).toBeGreaterThan(copy.chrF);
      expect(engine.bleu).toBeGreaterThan(memory.bleu);
      // By construction of the split no test sentence is in the TM: exact-only matching copies all.
      expect(exact.hypotheses).toEqual(copy.hypotheses);
      expect(engine.coverage).toBeGreaterThan(memory.coverage);
      expect(memory.coverage).toBeGreaterThan(copy.coverage);
      expect(engine.hypotheses).toHaveLength(test.length);
      expect(copy.coverage).toBe(0);
    } finally {
      workbench.close();
    }
  }, 600_000);
});
