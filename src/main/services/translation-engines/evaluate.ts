/**
 * Measures an engine on test pairs: corpus chrF++ and BLEU of its best candidates against the
 * references, coverage (the share of source words it translated rather than copied through) and
 * time per segment. The core of `studio mt eval`.
 */
import type { TranslationEvaluationFigures } from '../../../shared/api/translation.ts';
import { StudioError } from '../../../shared/errors.ts';
import { bestCandidates, type TranslationEngine } from '../../../shared/translation/index.ts';
import type { TextPair } from './learned/pairs.ts';
import { tokenize } from './learned/text.ts';
import { corpusBleu } from './metrics/bleu.ts';
import { corpusChrf } from './metrics/chrf.ts';

/** The figures (coverage 0..1), as the contract's evaluation job reports them, and the hypotheses. */
export interface EvaluationResult extends TranslationEvaluationFigures {
  /** The best candidate per test pair, in test order ('' where the engine gave none). */
  hypotheses: string[];
}

export interface EvaluateOptions {
  from: string;
  to: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Segments per translate call (progress and cancel happen between batches). */
  batchSize?: number;
}

const countWords = (text: string) => tokenize(text).filter((token) => token.kind === 'word').length;

export async function evaluate(engine: TranslationEngine, testPairs: TextPair[], options: EvaluateOptions): Promise<EvaluationResult> {
  if (testPairs.length === 0) throw new StudioError('invalid_argument', 'no test pairs');
  if (!engine.supports(options.from, options.to)) throw new StudioError('invalid_argument', 'engine does not serve this pair', { engine: engine.id, from: options.from, to: options.to });
  const batchSize = Math.max(1, options.batchSize ?? 50);
  const hypotheses: string[] = [];
  let sourceWords = 0;
  let copiedWords = 0;
  let elapsed = 0;
  for (let start = 0; start < testPairs.length; start += batchSize) {
    if (options.signal?.aborted) throw new StudioError('cancelled', 'evaluation cancelled');
    const batch = testPairs.slice(start, start + batchSize).map((pair, i) => ({ index: start + i, text: pair.source }));
    const began = performance.now();
    const results = bestCandidates(batch, await engine.translate(batch, options.from, options.to, { signal: options.signal }));
    elapsed += performance.now() - began;
    batch.forEach(({ text: source }, i) => {
      const best = results[i];
      hypotheses.push(best?.text ?? '');
      sourceWords += countWords(source);
      if (!best) copiedWords += countWords(source);
      else for (const mark of best.marks) if (mark.kind === 'unknown') copiedWords += countWords(best.text.slice(mark.start, mark.end));
    });
    options.onProgress?.(Math.min(1, (start + batch.length) / testPairs.length));
  }
  const references = [testPairs.map((pair) => pair.target)];
  return {
    engine: engine.id,
    segments: testPairs.length,
    chrF: corpusChrf(hypotheses, references),
    bleu: corpusBleu(hypotheses, references),
    coverage: sourceWords === 0 ? 1 : Math.max(0, 1 - copiedWords / sourceWords),
    msPerSegment: elapsed / testPairs.length,
    hypotheses,
  };
}
