/**
 * Translation engines: quality metrics (chrF++, BLEU), the learned statistical engine and its
 * evaluation. The one public face of the service.
 */
export { corpusChrf, sentenceChrf, type ChrfOptions } from './metrics/chrf.ts';
export { corpusBleu, sentenceBleu, tokenize13a } from './metrics/bleu.ts';
