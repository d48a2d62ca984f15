/**
 * Translation engines: quality metrics (chrF++, BLEU), the learned statistical engine and its
 * evaluation. The one public face of the service.
 *
 * The learned engine is a classic phrase-based SMT system, chosen because it trains in seconds
 * to minutes on a 2-core PC from a few thousand to a hundred thousand pairs, needs no GPU or
 * pretrained weights (none exist for Tày, Ê Đê, Jrai…), and is well understood: fast_align-style
 * IBM Model 2 alignment both ways + grow-diag-final-and (learned/alignment.ts), phrase pairs up to
 * 7 words with φ(t|s), φ(s|t) and both lexical weights (learned/phrases.ts), an interpolated
 * Kneser-Ney target trigram model (learned/language-model.ts) and a monotone beam decoder with
 * forced glossary terms, carried numbers and names, copied unknown words (learned/decoder.ts).
 * Its weights were set on a development split of the training part, never on the test split.
 */
export { corpusChrf, sentenceChrf, type ChrfOptions } from './metrics/chrf.ts';
export { corpusBleu, sentenceBleu, tokenize13a } from './metrics/bleu.ts';
export { trainModel, DEFAULT_SETTINGS, type TrainOptions } from './learned/train.ts';
export { LearnedEngine } from './learned/learned-engine.ts';
export { readModel, writeModel, modelFileName, type ModelData, type ModelHeader } from './learned/model-file.ts';
export { parsePairsTsv, readPairsTsv, hashPairs, type TextPair } from './learned/pairs.ts';
export { normalizedKey, tokenize } from './learned/text.ts';
export { SourceCopyEngine, memoryBaselines, type MemoryBaselines } from './baselines.ts';
export { evaluate, type EvaluationResult, type EvaluateOptions } from './evaluate.ts';
export { createTranslationEngines, RETRAIN_AFTER, type TranslationEngines, type TranslationEnginesDeps } from './service.ts';
export type { TrainJobResult } from './learned/train.worker.ts';
export {
  MtPackStore, PackRunner, PackTranslationEngine, detectMtLayout, readModelInfo, MT_LAYOUTS, PACK_RECORD, TEST_SENTENCE,
  type InstalledMtPack, type MtPackRecord, type PackRunnerOptions, type MtLayout, type MtDtype, type MtPackLayout, type MtModelInfo, type PackTranslation,
} from './packs/index.ts';
