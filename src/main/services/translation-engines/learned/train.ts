/**
 * Trains the learned engine from sentence pairs: tokens → word alignment both ways (fast_align-
 * style IBM 2) → grow-diag-final-and → phrase table → Kneser-Ney target trigram model. Progress is
 * reported by stage and the work can be cancelled between steps.
 */
import { StudioError } from '../../../../shared/errors.ts';
import { alignDirection, symmetrize } from './alignment.ts';
import { DEFAULT_WEIGHTS, type DecodeSettings } from './decoder.ts';
import { trainLanguageModel } from './language-model.ts';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type ModelData } from './model-file.ts';
import { hashPairs, type TextPair } from './pairs.ts';
import { extractPhraseTable, type AlignedPair } from './phrases.ts';
import { tokenize } from './text.ts';

export interface TrainOptions {
  from: string;
  to: string;
  onProgress?: (fraction: number, stage: string) => void;
  signal?: AbortSignal;
  settings?: Partial<DecodeSettings>;
  alignmentIterations?: number;
  languageModelOrder?: number;
}

export const DEFAULT_SETTINGS: DecodeSettings = { weights: DEFAULT_WEIGHTS, maxPhraseLength: 7, beam: 40 };

/** Word ids for one side of the corpus. */
function encode(sentences: string[][]): { ids: Int32Array[]; size: number } {
  const vocabulary = new Map<string, number>();
  const ids = sentences.map((words) => Int32Array.from(words, (word) => {
    let id = vocabulary.get(word);
    if (id === undefined) vocabulary.set(word, (id = vocabulary.size));
    return id;
  }));
  return { ids, size: vocabulary.size };
}

export function trainModel(pairs: TextPair[], options: TrainOptions): ModelData {
  const started = performance.now();
  const { from, to, signal } = options;
  const report = options.onProgress ?? (() => undefined);
  const checkCancelled = () => {
    if (signal?.aborted) throw new StudioError('cancelled', 'training cancelled');
  };
  const usable = pairs
    .map(({ source, target }) => ({ source: tokenize(source).map((t) => t.key), target: tokenize(target).map((t) => t.key) }))
    .filter(({ source, target }) => source.length > 0 && target.length > 0);
  if (usable.length === 0) throw new StudioError('invalid_argument', 'no usable training pairs', { pairs: pairs.length });
  report(0.02, 'tokenize');
  checkCancelled();

  const iterations = options.alignmentIterations ?? 5;
  const sources = encode(usable.map((p) => p.source));
  const targets = encode(usable.map((p) => p.target));
  const forward = alignDirection(sources.ids, targets.ids, targets.size, {
    iterations,
    onIteration: (done) => (checkCancelled(), report(0.02 + (0.3 * done) / iterations, 'align')),
  });
  const backward = alignDirection(targets.ids, sources.ids, sources.size, {
    iterations,
    onIteration: (done) => (checkCancelled(), report(0.32 + (0.3 * done) / iterations, 'align')),
  });
  const aligned: AlignedPair[] = usable.map((pair, k) => ({ ...pair, links: symmetrize(forward[k]!, backward[k]!) }));
  report(0.65, 'symmetrize');
  checkCancelled();

  const settings: DecodeSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const table = extractPhraseTable(aligned, {
    maxLength: settings.maxPhraseLength,
    maxTranslations: 20,
    onProgress: (fraction) => (checkCancelled(), report(0.65 + 0.25 * fraction, 'phrases')),
  });
  checkCancelled();
  const languageModel = trainLanguageModel(usable.map((p) => p.target), options.languageModelOrder ?? 3);
  report(1, 'done');
  return {
    header: {
      format: MODEL_FORMAT,
      formatVersion: MODEL_FORMAT_VERSION,
      from,
      to,
      pairCount: pairs.length,
      pairsSha256: hashPairs(pairs),
      trainedAt: new Date().toISOString(),
      trainingSeconds: Math.round((performance.now() - started) / 10) / 100,
    },
    settings,
    phrases: [...table],
    languageModel,
  };
}
