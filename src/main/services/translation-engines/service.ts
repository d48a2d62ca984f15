/**
 * The service behind the face: trains learned models and runs them, each as a job in a worker
 * thread (progress, cancel), with the model files in one directory of the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JobInfo, JobKind, JobResults } from '../../../shared/api/jobs.ts';
import { StudioError } from '../../../shared/errors.ts';
import { canonicalLanguageCode, type EngineCandidate, type EngineOptions, type EngineSegment, type TranslationEngine } from '../../../shared/translation/index.ts';
import { type JobManager, workerUrl } from '../jobs/index.ts';
import { modelFileName, readModel, type ModelHeader } from './learned/model-file.ts';
import type { TextPair } from './learned/pairs.ts';
import type { TrainJobInput, TrainJobResult } from './learned/train.worker.ts';
import type { TranslateJobInput } from './learned/translate.worker.ts';

export interface TranslationEnginesDeps {
  jobs: JobManager;
  /** Where model files live (e.g. `<data dir>/mt-models`). */
  modelDir: string;
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function checkLanguages(from: string, to: string) {
  if (!LANGUAGE.test(from) || !LANGUAGE.test(to) || from === to) throw new StudioError('invalid_argument', 'language pair', { from, to });
}


export function createTranslationEngines({ jobs, modelDir }: TranslationEnginesDeps) {
  const modelFile = (from: string, to: string) => path.join(modelDir, modelFileName(from, to));

  /** Runs a job to its end; an abort of `signal` cancels it. */
  async function runJob<K extends JobKind, I>(kind: K, worker: URL, input: I, signal?: AbortSignal): Promise<JobResults[K]> {
    if (signal?.aborted) throw new StudioError('cancelled', kind);
    const started = jobs.start({ kind, worker, input });
    const cancel = () => jobs.cancel(started.id);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await jobs.result(started);
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  return {
    modelFile,

    /** The header of the pair's model, or null when none has been trained. */
    modelInfo(from: string, to: string): ModelHeader | null {
      checkLanguages(from, to);
      const file = modelFile(from, to);
      return fs.existsSync(file) ? readModel(file).header : null;
    },

    /** Starts training the pair's model from `pairs` as a job; the model replaces the old one when done. */
    train({ from, to, pairs }: { from: string; to: string; pairs: TextPair[] }): JobInfo<'mt.train'> {
      checkLanguages(from, to);
      if (pairs.length === 0) throw new StudioError('invalid_argument', 'no training pairs');
      return jobs.start<'mt.train', TrainJobInput, TrainJobResult>({
        kind: 'mt.train',
        subject: `${from}→${to}`,
        worker: workerUrl('translation-engines/learned/train.worker.ts'),
        input: { pairs, from, to, modelDir },
      });
    },

    /** The pair's learned engine; each call runs as a job off the main thread (its progress in job events) and can be aborted. */
    learned(from: string, to: string): TranslationEngine {
      checkLanguages(from, to);
      const supports = (f: string, t: string) => canonicalLanguageCode(f) === canonicalLanguageCode(from) && canonicalLanguageCode(t) === canonicalLanguageCode(to);
      return {
        id: `learned:${from}-${to}`,
        supports,
        async translate(segments: EngineSegment[], f: string, t: string, options: EngineOptions = {}): Promise<EngineCandidate[]> {
          if (!supports(f, t)) throw new StudioError('invalid_argument', `engine is ${from}→${to}`, { from: f, to: t });
          if (!fs.existsSync(modelFile(from, to))) throw new StudioError('not_found', `no learned model for ${from}→${to}`, { from, to });
          if (segments.length === 0) return [];
          const input: TranslateJobInput = { modelFile: modelFile(from, to), segments, from, to, maxCandidates: options.maxCandidates, glossary: options.glossary };
          return runJob('mt.translate', workerUrl('translation-engines/learned/translate.worker.ts'), input, options.signal);
        },
      };
    },
  };
}

export type TranslationEngines = ReturnType<typeof createTranslationEngines>;
