import type { EngineCandidate, EngineSegment, GlossaryTerm } from '../../../../shared/translation/index.ts';
import { defineJobWorker } from '../../jobs/index.ts';
import { LearnedEngine } from './learned-engine.ts';
import { readModel } from './model-file.ts';

export interface TranslateJobInput {
  modelFile: string;
  segments: EngineSegment[];
  from: string;
  to: string;
  maxCandidates?: number;
  glossary?: GlossaryTerm[];
}

/** Loads the model and translates the segments in its own thread, cancellable between segments. */
defineJobWorker<TranslateJobInput, EngineCandidate[]>(({ modelFile, segments, from, to, maxCandidates, glossary }, job) => {
  const engine = new LearnedEngine(readModel(modelFile));
  job.checkCancelled();
  const results: EngineCandidate[] = [];
  segments.forEach((segment, i) => {
    job.checkCancelled();
    results.push(...engine.translateSync([segment], from, to, { maxCandidates, glossary }));
    job.progress((i + 1) / segments.length, 'translate');
  });
  return results;
});
