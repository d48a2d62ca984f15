import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioError } from '../../../shared/errors.ts';
import type { TranslationEngine } from '../../../shared/translation/index.ts';
import { defineJobWorker } from '../jobs/index.ts';
import { openDatabase } from '../storage/index.ts';
import { createTranslation } from '../translation/index.ts';
import { memoryBaselines, SourceCopyEngine } from './baselines.ts';
import { evaluate, type EvaluationResult } from './evaluate.ts';
import { LearnedEngine } from './learned/learned-engine.ts';
import { readModel } from './learned/model-file.ts';
import { readPairsTsv, type TextPair } from './learned/pairs.ts';
import { trainModel } from './learned/train.ts';

export type EvaluatedEngine = 'copy' | 'tm' | 'tm-exact' | 'learned';

export interface EvaluateJobInput {
  engine: EvaluatedEngine;
  from: string;
  to: string;
  testFile: string;
  /** Train (learned) or fill the TM (tm) from this file first, in this job only. */
  trainFile: string | null;
  /** Without `trainFile`: the library's TM pairs (tm engines) … */
  memoryPairs: TextPair[];
  /** … or the library's model file (learned). */
  modelFile: string;
  /** Hypotheses one per line, in test order. */
  outFile: string | null;
}

export type EvaluateJobResult = Omit<EvaluationResult, 'hypotheses'>;

/**
 * Measures one engine on a test file in its own process. The TM engines get a throwaway database
 * of their own, so an evaluation never touches the library's translation memory.
 */
defineJobWorker<EvaluateJobInput, EvaluateJobResult>(async (input, job) => {
  const test = readPairsTsv(input.testFile);
  if (test.length === 0) throw new StudioError('invalid_argument', 'no test pairs', { reason: 'empty_test_file', file: input.testFile });
  const training = input.trainFile ? readPairsTsv(input.trainFile) : null;
  const share = training && input.engine === 'learned' ? 0.6 : 0.1;
  let temp: { dir: string; close: () => void } | null = null;
  let engine: TranslationEngine;
  try {
    if (input.engine === 'copy') {
      engine = new SourceCopyEngine();
    } else if (input.engine === 'learned') {
      if (training) {
        engine = new LearnedEngine(trainModel(training, { from: input.from, to: input.to, signal: job.signal, onProgress: (f, stage) => job.progress(f * share, stage) }));
      } else {
        if (!fs.existsSync(input.modelFile)) throw new StudioError('not_found', 'no learned model', { kind: 'model', from: input.from, to: input.to });
        engine = new LearnedEngine(readModel(input.modelFile));
      }
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-eval-'));
      const db = openDatabase(dir);
      temp = { dir, close: () => db.close() };
      const pairs = training ?? input.memoryPairs;
      if (pairs.length === 0) throw new StudioError('invalid_argument', 'the translation memory is empty', { reason: 'empty_memory', from: input.from, to: input.to });
      const baselines = memoryBaselines(createTranslation({ db }), pairs, input.from, input.to);
      engine = input.engine === 'tm' ? baselines.pretranslation : baselines.exact;
    }
    job.checkCancelled();
    const result = await evaluate(engine, test, {
      from: input.from, to: input.to, signal: job.signal, onProgress: (f) => job.progress(share + f * (1 - share), 'translate'),
    });
    if (input.outFile) {
      try {
        fs.writeFileSync(input.outFile, result.hypotheses.map((h) => `${h.replace(/\s*\n\s*/g, ' ')}\n`).join(''));
      } catch (error) {
        throw new StudioError('io_error', `cannot write ${input.outFile}`, { file: input.outFile, reason: (error as NodeJS.ErrnoException).code });
      }
    }
    const { hypotheses: _written, ...figures } = result;
    return { ...figures, engine: input.engine === 'learned' ? 'learned' : figures.engine };
  } finally {
    temp?.close();
    if (temp) fs.rmSync(temp.dir, { recursive: true, force: true });
  }
});
