/**
 * Machine translation, Vietnamese → Tày: the learned engine against its two baselines on the
 * held-out split of ../shared/data/tay-vi/train.tsv (tests/helpers/mt-split.ts: Vietnamese of
 * 3+ words, unseen in training, chosen by a hash of the normalised Vietnamese), all in one run.
 *  - training time and peak memory (RSS, heap; sampled at every progress step) on the training
 *    part, in this thread; and the whole 21,332 pairs as the studio trains them (a job in a worker
 *    thread, model file written);
 *  - chrF++ / BLEU / coverage / ms per segment for source copy, the workbench's exact-match TM
 *    (by construction of the split it never matches, so it equals source copy), the workbench's
 *    TM pre-translation (exact/fuzzy ≥ 75, else a draft assembled from TM and glossary pieces: the
 *    TM filled from the training part in a temp studio database), and the learned engine (in this
 *    thread), and ms per segment through the worker job (model load included).
 *    Goal: learned ≥ TM pre-translation + 8 chrF++.
 * BENCH_MT_100K=1 also times training on 100,000 pairs (the corpus repeated, as a scale check).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JobManager } from '../src/main/services/jobs/job-manager.ts';
import {
  LearnedEngine,
  SourceCopyEngine,
  createTranslationEngines,
  evaluate,
  readPairsTsv,
  trainModel,
  type EvaluationResult,
  type TextPair,
} from '../src/main/services/translation-engines/index.ts';
import { TAY_VI_TSV, openWorkbenchBaselines, splitHeldOut } from '../tests/helpers/mt-split.ts';

const MiB = 1024 * 1024;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function timedTraining(pairs: TextPair[]) {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const model = trainModel(pairs, {
    from: 'vi',
    to: 'tyz',
    onProgress: () => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    model,
    figures: {
      pairs: pairs.length,
      seconds: round(seconds),
      // CPU time of this process: on a loaded machine the wall time says more about the neighbours.
      cpuSeconds: round((cpu.user + cpu.system) / 1e6),
      peakRssMiB: round(peakRss / MiB, 0),
      peakHeapMiB: round(peakHeap / MiB, 0),
      heapGrowthMiB: round((peakHeap - before.heapUsed) / MiB, 0),
      phrases: model.phrases.length,
      ngrams: model.languageModel.probabilities.length,
    },
  };
}

const summary = ({ hypotheses: _, ...rest }: EvaluationResult) => ({ ...rest, chrF: round(rest.chrF), bleu: round(rest.bleu), coverage: round(rest.coverage, 3), msPerSegment: round(rest.msPerSegment, 3) });

export default async function mtBench() {
  const all = readPairsTsv(TAY_VI_TSV);
  const { train, test } = splitHeldOut(all);
  const options = { from: 'vi', to: 'tyz' };

  const training = timedTraining(train);
  process.stdout.write(`trained on ${train.length} pairs in ${training.figures.seconds} s, ${training.figures.cpuSeconds} s CPU (peak RSS ${training.figures.peakRssMiB} MiB, heap ${training.figures.peakHeapMiB} MiB)\n`);

  const workbench = openWorkbenchBaselines(train);
  let results: Array<ReturnType<typeof summary>>;
  try {
    results = [
      summary(await evaluate(new SourceCopyEngine(), test, options)),
      summary(await evaluate(workbench.exact, test, options)),
      summary(await evaluate(workbench.pretranslation, test, options)),
      summary(await evaluate(new LearnedEngine(training.model), test, options)),
    ];
  } finally {
    workbench.close();
  }
  for (const r of results) process.stdout.write(`${r.engine.padEnd(16)} chrF++ ${r.chrF.toFixed(2)}  BLEU ${r.bleu.toFixed(2)}  coverage ${(100 * r.coverage).toFixed(1)} %  ${r.msPerSegment.toFixed(2)} ms/segment\n`);
  const [copy, exact, memory, learned] = results as [ReturnType<typeof summary>, ReturnType<typeof summary>, ReturnType<typeof summary>, ReturnType<typeof summary>];

  // The production path: all 21,332 pairs trained in a worker job, then a batch translated by a job.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-mt-'));
  const jobs = new JobManager(() => undefined);
  try {
    const engines = createTranslationEngines({ jobs, modelDir: dir });
    let started = performance.now();
    const job = await jobs.wait(engines.train({ from: 'vi', to: 'tyz', pairs: all }).id);
    if (job.state !== 'done') throw new Error(`training job ${job.state}: ${job.error?.message}`);
    const fullSeconds = (performance.now() - started) / 1000;
    const modelBytes = fs.statSync(engines.modelFile('vi', 'tyz')).size;
    started = performance.now();
    await engines.learned('vi', 'tyz').translate(test.map((pair, index) => ({ index, text: pair.source })), 'vi', 'tyz');
    const jobMsPerSegment = (performance.now() - started) / test.length;
    process.stdout.write(`worker job: trained ${all.length} pairs in ${fullSeconds.toFixed(1)} s (model ${(modelBytes / MiB).toFixed(1)} MiB); translated ${test.length} segments at ${jobMsPerSegment.toFixed(2)} ms each, model load included\n`);

    let scale: ReturnType<typeof timedTraining>['figures'] | null = null;
    if (process.env.BENCH_MT_100K === '1') {
      const many = Array.from({ length: 100_000 }, (_, i) => all[i % all.length]!);
      const { figures } = timedTraining(many);
      scale = figures;
      process.stdout.write(`100,000 pairs (corpus repeated): ${figures.seconds} s, ${figures.cpuSeconds} s CPU, peak RSS ${figures.peakRssMiB} MiB\n`);
    }

    const margin = learned.chrF - memory.chrF;
    process.stdout.write(`learned − TM pre-translation: ${margin.toFixed(2)} chrF++ (goal ≥ 8): ${margin >= 8 ? 'met' : 'NOT met'}\n`);
    return {
      split: { train: train.length, test: test.length, rule: 'vi of 3+ words, unseen in training, sha256(salt, normalised vi) < 0.075' },
      training: training.figures,
      workerJob: { pairs: all.length, seconds: round(fullSeconds, 1), modelMiB: round(modelBytes / MiB, 1), msPerSegment: round(jobMsPerSegment, 2) },
      scale100k: scale,
      engines: { copy, exact, tmPretranslation: memory, learned },
      chrFMarginOverTmPretranslation: round(margin),
      goalMet: margin >= 8,
      cores: os.cpus().length,
    };
  } finally {
    await jobs.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
