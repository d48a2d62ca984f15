import { trainModel, LearnedEngine, evaluate } from '/work/wt/i13-mt/src/main/services/translation-engines/index.ts';
import { loadTayViSplit, splitHeldOut } from '/work/wt/i13-mt/tests/helpers/mt-split.ts';
const { train } = loadTayViSplit();
const { train: fit, test: dev } = splitHeldOut(train, { salt: 'studio-mt-dev-1', share: 0.06 });
const o = { from: 'vi', to: 'tyz' };
const combo = { backward: 1, languageModel: 0.4, wordBonus: 0.6 };
for (const [name, opts] of [['base', {}], ['lm4', { languageModelOrder: 4 }], ['phr7', { settings: { maxPhraseLength: 7 } }], ['iter8', { alignmentIterations: 8 }]] as const) {
  const model = trainModel(fit, { ...o, ...opts });
  for (const w of [{}, combo]) {
    const r = await evaluate(new LearnedEngine(model).withWeights(w), dev, o);
    console.log(name, JSON.stringify(w), r.chrF.toFixed(2), r.bleu.toFixed(2));
  }
}
