/**
 * Translation engines: quality metrics (chrF++, BLEU), the learned statistical engine and its
 * evaluation. The one public face of the service.
 */
export { corpusChrf, sentenceChrf, type ChrfOptions } from './metrics/chrf.ts';
export { corpusBleu, sentenceBleu, tokenize13a } from './metrics/bleu.ts';
export { trainModel, DEFAULT_SETTINGS, type TrainOptions } from './learned/train.ts';
export { LearnedEngine } from './learned/learned-engine.ts';
export { readModel, writeModel, modelFileName, type ModelData, type ModelHeader } from './learned/model-file.ts';
export { parsePairsTsv, readPairsTsv, hashPairs, type TextPair } from './learned/pairs.ts';
export { normalizedKey, tokenize } from './learned/text.ts';
export { SourceCopyEngine, ExactMemoryEngine, FuzzyMemoryEngine } from './baselines.ts';
export { evaluate, type EvaluationResult, type EvaluateOptions } from './evaluate.ts';
export { createTranslationEngines, type TranslationEngines, type TranslationEnginesDeps } from './service.ts';
export type { TrainJobResult } from './learned/train.worker.ts';
