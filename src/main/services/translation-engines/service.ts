/**
 * The service behind the face: trains learned models and runs them, each as a job in a worker
 * thread (progress, cancel), with the model files in one directory of the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JobInfo, JobKind, JobResults } from '../../../shared/api/jobs.ts';
import { StudioError } from '../../../shared/errors.ts';
import { canonicalLanguageCode, type EngineCandidate, type EngineOptions, type EngineSegment, type TranslationEngine, type EngineEvaluation, type EngineStatus, type EvaluationEngine } from '../../../shared/translation/index.ts';
import type { Database } from 'better-sqlite3';
import { type ChildLauncher, type JobManager, workerUrl } from '../jobs/index.ts';
import type { PackInstallInput } from './packs/pack-install.worker.ts';
import type { EvaluateJobInput, EvaluateJobResult } from './evaluate.worker.ts';
import { readPairsTsv, type TextPair } from './learned/pairs.ts';
import { MtPackStore } from './packs/index.ts';
import { checkReadableFile, checkWritableFile } from '../translation/index.ts';
import { modelFileName, readModel, type ModelHeader } from './learned/model-file.ts';
import type { TrainJobInput, TrainJobResult } from './learned/train.worker.ts';
import type { TranslateJobInput } from './learned/translate.worker.ts';

export interface TranslationEnginesDeps {
  jobs: JobManager;
  /** Where model files live (e.g. `<data dir>/mt-models`). */
  modelDir: string;
  /** Where neural model packs are installed (e.g. `<data dir>/mt-packs`). */
  packsDir?: string;
  /** The studio database: evaluations are recorded in it (migration 104). */
  db?: Database;
  /** The translation memory's pairs for a language pair (the translation service's `tm.entries`). */
  memoryPairs?: (from: string, to: string) => TextPair[];
  /** How pack children start (the platform's launcher: a utility process in Electron). */
  launch?: ChildLauncher;
}

/** New approved pairs since the last training that make a pair's model worth training again. */
export const RETRAIN_AFTER = 50;

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function checkLanguages(from: string, to: string) {
  if (!LANGUAGE.test(from) || !LANGUAGE.test(to) || from === to) throw new StudioError('invalid_argument', 'language pair', { from, to });
}


interface EvaluationRow {
  id: number; src_lang: string; tgt_lang: string; engine: string; segments: number; chrf: number; bleu: number;
  coverage: number; ms_per_segment: number; test_file: string; train_file: string | null; created_at: string;
}

const toEvaluation = (r: EvaluationRow): EngineEvaluation => ({
  id: r.id, from: r.src_lang, to: r.tgt_lang, engine: r.engine, segments: r.segments, chrF: r.chrf, bleu: r.bleu,
  coverage: r.coverage, msPerSegment: r.ms_per_segment, testFile: r.test_file, trainFile: r.train_file, createdAt: r.created_at,
});

export function createTranslationEngines({ jobs, modelDir, packsDir, db, memoryPairs, launch }: TranslationEnginesDeps) {
  // Codes as users type them ("vi") and as the workbench stores them ("vie") name the same model.
  const modelFile = (from: string, to: string) => path.join(modelDir, modelFileName(canonicalLanguageCode(from), canonicalLanguageCode(to)));
  const packs = packsDir ? new MtPackStore(packsDir, launch ? { launch } : {}) : null;
  const packsServing = (from: string, to: string) =>
    (packs?.list() ?? []).filter((p) => {
      const languages = new Set(p.languages.map(canonicalLanguageCode));
      return languages.has(canonicalLanguageCode(from)) && languages.has(canonicalLanguageCode(to));
    });
  const pairsOf = (from: string, to: string): TextPair[] => {
    if (!memoryPairs) throw new StudioError('internal', 'engines opened without a translation memory');
    return memoryPairs(from, to);
  };
  function modelInfo(from: string, to: string): ModelHeader | null {
    checkLanguages(from, to);
    const file = modelFile(from, to);
    return fs.existsSync(file) ? readModel(file).header : null;
  }
  /** The pair's retraining job while one runs, so approvals arriving meanwhile start no other. */
  const retraining = new Map<string, string>();

  /**
   * Retrains the pair's learned model from the memory when enough approved pairs are new since it
   * was trained (RETRAIN_AFTER, or a tenth of what it knew, whichever is more): the engine gets
   * better as the centre's translations grow, without anyone asking. Only a pair that has a model.
   */
  function retrainIfDue(from: string, to: string): JobInfo<'translation.train'> | null {
    if (!memoryPairs) return null;
    const key = `${canonicalLanguageCode(from)}-${canonicalLanguageCode(to)}`;
    const running = retraining.get(key);
    if (running && jobs.list().some((job) => job.id === running && job.state === 'running')) return null;
    const header = fs.existsSync(modelFile(from, to)) ? readModel(modelFile(from, to)).header : null;
    if (!header) return null;
    const pairs = memoryPairs(from, to);
    if (pairs.length - header.pairCount < Math.max(RETRAIN_AFTER, Math.ceil(header.pairCount / 10))) return null;
    const job = train({ from, to, pairs });
    retraining.set(key, job.id);
    return job;
  }

  function train({ from, to, pairs }: { from: string; to: string; pairs: TextPair[] }): JobInfo<'translation.train'> {
    checkLanguages(from, to);
    if (pairs.length === 0) throw new StudioError('invalid_argument', 'no training pairs', { reason: 'no_pairs', from, to });
    return jobs.start<'translation.train', TrainJobInput, TrainJobResult>({
      kind: 'translation.train',
      subject: `${from}→${to}`,
      worker: workerUrl('translation-engines/learned/train.worker.ts'),
      input: { pairs, from: canonicalLanguageCode(from), to: canonicalLanguageCode(to), modelDir },
    });
  }

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
    modelInfo,
    /** Starts training the pair's model from `pairs` as a job; the model replaces the old one when done. */
    train,
    retrainIfDue,
    /** Trains from the pair's translation memory (`file` absent) or from a TSV of pairs. */
    trainFrom(from: string, to: string, file?: string): JobInfo<'translation.train'> {
      if (file) checkReadableFile(file);
      return train({ from, to, pairs: file ? readPairsTsv(file) : pairsOf(from, to) });
    },
    /** What the engine panel shows for a pair: the learned model (if any) and the installed packs. */
    status(from: string, to: string): EngineStatus {
      const header = modelInfo(from, to);
      return {
        learned: header && { from: header.from, to: header.to, pairCount: header.pairCount, trainedAt: header.trainedAt, pairsSha256: header.pairsSha256, file: modelFile(from, to) },
        packs: (packs?.list() ?? []).map((p) => ({ id: p.id, name: p.name, layout: p.layout, languages: p.languages, licence: p.licence, sizeBytes: p.sizeBytes, installedAt: p.installedAt })),
        memoryPairs: memoryPairs ? memoryPairs(from, to).length : 0,
      };
    },
    /**
     * Measures an engine on a test file (source TAB reference) as a job; `trainFile` trains it (or
     * fills a throwaway TM) first without touching the library's. The figures are recorded.
     */
    evaluate(arg: { from: string; to: string; engine: EvaluationEngine; testFile: string; trainFile?: string | null; outFile?: string | null }): JobInfo<'translation.evaluate'> {
      checkLanguages(arg.from, arg.to);
      const from = canonicalLanguageCode(arg.from);
      const to = canonicalLanguageCode(arg.to);
      // Checked here, before the job: a FIFO named as a file would hold its process forever.
      checkReadableFile(arg.testFile);
      if (arg.trainFile) checkReadableFile(arg.trainFile);
      if (arg.outFile) checkWritableFile(arg.outFile);
      const usesMemory = (arg.engine === 'tm' || arg.engine === 'tm-exact') && !arg.trainFile;
      return jobs.start<'translation.evaluate', EvaluateJobInput, EvaluateJobResult>({
        kind: 'translation.evaluate',
        subject: `${arg.engine} ${from}→${to}`,
        worker: workerUrl('translation-engines/evaluate.worker.ts'),
        input: {
          engine: arg.engine, from, to, testFile: arg.testFile, trainFile: arg.trainFile ?? null, outFile: arg.outFile ?? null,
          memoryPairs: usesMemory ? pairsOf(from, to) : [], modelFile: modelFile(from, to),
        },
        finish: (result) => {
          db?.prepare(`INSERT INTO translation_evaluations (src_lang, tgt_lang, engine, segments, chrf, bleu, coverage, ms_per_segment, test_file, train_file, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(from, to, arg.engine, result.segments, result.chrF, result.bleu, result.coverage, result.msPerSegment,
            arg.testFile, arg.trainFile ?? null, new Date().toISOString());
          return result;
        },
      });
    },
    /** Recorded evaluations, newest first, for one pair or all. */
    evaluations(pair?: { from: string; to: string }): EngineEvaluation[] {
      if (!db) return [];
      const rows = pair
        ? db.prepare('SELECT * FROM translation_evaluations WHERE src_lang = ? AND tgt_lang = ? ORDER BY id DESC LIMIT 200').all(canonicalLanguageCode(pair.from), canonicalLanguageCode(pair.to))
        : db.prepare('SELECT * FROM translation_evaluations ORDER BY id DESC LIMIT 200').all();
      return (rows as EvaluationRow[]).map(toEvaluation);
    },
    /** Validates and installs a neural pack (folder or .zip) as a job `translation.pack.install`. */
    installPack(source: string): JobInfo<'translation.pack.install'> {
      if (!packsDir) throw new StudioError('internal', 'engines opened without a packs folder');
      return jobs.start<'translation.pack.install', PackInstallInput>({
        kind: 'translation.pack.install',
        subject: path.basename(source),
        worker: workerUrl('translation-engines/packs/pack-install.worker.ts'),
        input: { source, packsDir },
      });
    },
    removePack(id: string): { removed: true } {
      if (!packs) throw new StudioError('not_found', `no translation pack ${id}`, { pack: id });
      packs.remove(id);
      return { removed: true };
    },
    /** The learned engine of whichever pair is asked, where a model has been trained: the workbench's "machine". */
    router(): TranslationEngine {
      return {
        id: 'learned',
        supports: (from, to) => LANGUAGE.test(from) && LANGUAGE.test(to) && from !== to && fs.existsSync(modelFile(from, to)),
        translate: (segments, from, to, options) => learned(from, to).translate(segments, from, to, options),
      };
    },
    /**
     * The installed packs that know both languages, behind one engine: each call opens the pack's
     * child, translates and closes it (a pack holds hundreds of megabytes; it is not kept loaded).
     */
    packRouter(): TranslationEngine {
      return {
        id: 'pack',
        supports: (from, to) => packsServing(from, to).length > 0,
        async translate(segments, from, to, options) {
          const candidates: EngineCandidate[] = [];
          for (const pack of packsServing(from, to)) {
            // The pack is asked in its own spelling of the codes ("vi" where the workbench says "vie").
            const own = (code: string) => pack.languages.find((l) => canonicalLanguageCode(l) === canonicalLanguageCode(code)) ?? code;
            const { engine, runner } = await packs!.open(pack.id);
            try {
              candidates.push(...(await engine.translate(segments, own(from), own(to), options)));
            } finally {
              runner.dispose();
            }
          }
          return candidates;
        },
      };
    },
    /** The pair's learned engine; each call runs as a job off the main thread (its progress in job events) and can be aborted. */
    learned,
  };

  function learned(from: string, to: string): TranslationEngine {
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
          return runJob('translation.translate', workerUrl('translation-engines/learned/translate.worker.ts'), input, options.signal);
        },
      };
  }
}

export type TranslationEngines = ReturnType<typeof createTranslationEngines>;
