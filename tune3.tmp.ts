import { trainModel, LearnedEngine, evaluate } from '/work/wt/i13-mt/src/main/services/translation-engines/index.ts';
import { loadTayViSplit, splitHeldOut } from '/work/wt/i13-mt/tests/helpers/mt-split.ts';
const { train } = loadTayViSplit();
const { train: fit, test: dev } = splitHeldOut(train, { salt: 'studio-mt-dev-1', share: 0.06 });
const o = { from: 'vi', to: 'tyz' };
const combo = { backward: 1, languageModel: 0.4, wordBonus: 0.6 };
for (const [name, opts] of [['phr7lm4', { languageModelOrder: 4, settings: { maxPhraseLength: 7 } }], ['phr7', { settings: { maxPhraseLength: 7 } }]] as const) {
  const t = performance.now();
  const model = trainModel(fit, { ...o, ...opts });
  console.log(name, 'train s', ((performance.now() - t) / 1000).toFixed(1), model.phrases.length);
  for (const w of [combo, { ...combo, phrasePenalty: -1 }, { ...combo, wordBonus: 1 }]) {
    const r = await evaluate(new LearnedEngine(model).withWeights(w), dev, o);
    console.log(name, JSON.stringify(w), r.chrF.toFixed(2), r.bleu.toFixed(2), r.msPerSegment.toFixed(1));
  }
}
