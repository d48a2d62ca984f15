import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobManager } from '../../../../src/main/services/jobs/job-manager.ts';
import {
  createTranslationEngines,
  hashPairs,
  readModel,
  readPairsTsv,
  RETRAIN_AFTER,
  type TextPair,
  type TrainJobResult,
  type TranslationEngines,
} from '../../../../src/main/services/translation-engines/index.ts';
import type { JobInfo } from '../../../../src/shared/api/jobs.ts';
import { TAY_VI_TSV } from '../../../helpers/mt-split.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const SMALL: TextPair[] = [
  { source: 'tôi đi chợ', target: 'khỏi pây hang' },
  { source: 'mẹ đi chợ', target: 'me pây hang' },
  { source: 'tôi về nhà', target: 'khỏi mà rườn' },
  { source: 'mẹ về nhà', target: 'me mà rườn' },
  { source: 'tôi', target: 'khỏi' },
  { source: 'nhà', target: 'rườn' },
];

describe('translation engines service (jobs in worker threads)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let jobs: JobManager;
  let events: Array<{ name: string; job: JobInfo }>;
  let engines: TranslationEngines;

  beforeEach(() => {
    temp = makeTempDir('studio-mt-');
    events = [];
    jobs = new JobManager((name, job) => events.push({ name, job }));
    engines = createTranslationEngines({ jobs, modelDir: path.join(temp.dir, 'mt-models') });
  });
  afterEach(async () => {
    await jobs.close();
    temp.remove();
  });

  it('trains in a job with progress, writes a versioned model file, and translates off the main thread', async () => {
    expect(engines.modelInfo('vi', 'tyz')).toBeNull();
    const started = engines.train({ from: 'vi', to: 'tyz', pairs: SMALL });
    const done = await jobs.wait(started.id);
    expect(done.state).toBe('done');
    const { file, header } = done.result as TrainJobResult;
    expect(file).toBe(engines.modelFile('vi', 'tyz'));
    // Stored under the ISO 639-3 codes the workbench uses, whichever spelling the caller gave.
    expect(header).toMatchObject({ from: 'vie', to: 'tyz', pairCount: 6, pairsSha256: hashPairs(SMALL) });
    // The same pairs in another order are the same translation memory.
    expect(hashPairs([...SMALL].reverse())).toBe(header.pairsSha256);
    expect(engines.modelInfo('vi', 'tyz')).toEqual(header);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    expect(events.some((e) => e.name === 'job.progress' && e.job.id === started.id && (e.job.progress ?? 0) > 0 && e.job.progress! < 1)).toBe(true);

    const engine = engines.learned('vi', 'tyz');
    expect(engine.supports('vie', 'tyz')).toBe(true);
    const results = await engine.translate([{ index: 4, text: 'Mẹ về nhà.' }], 'vie', 'tyz');
    expect(results[0]).toMatchObject({ index: 4, text: 'Me mà rườn.', engine: 'learned:vie-tyz' });
    expect(events.some((e) => e.name === 'job.finished' && e.job.kind === 'translation.translate' && e.job.state === 'done')).toBe(true);
  });

  it('cancels training and leaves no model file behind', async () => {
    const pairs = readPairsTsv(TAY_VI_TSV);
    const started = engines.train({ from: 'vi', to: 'tyz', pairs });
    await expect.poll(() => jobs.list().find((j) => j.id === started.id)?.progress ?? 0).toBeGreaterThan(0);
    jobs.cancel(started.id);
    expect((await jobs.wait(started.id)).state).toBe('cancelled');
    expect(fs.existsSync(engines.modelFile('vi', 'tyz'))).toBe(false);
    const dir = path.dirname(engines.modelFile('vi', 'tyz'));
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  });

  it('aborts a translation through its AbortSignal', async () => {
    await jobs.wait(engines.train({ from: 'vi', to: 'tyz', pairs: SMALL }).id);
    const controller = new AbortController();
    const segments = Array.from({ length: 20_000 }, (_, i) => ({ index: i, text: `tôi về nhà ${i}` }));
    const pending = engines.learned('vi', 'tyz').translate(segments, 'vi', 'tyz', { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('refuses bad requests with coded errors', async () => {
    await expect(engines.learned('vi', 'tyz').translate([{ index: 0, text: 'tôi' }], 'vi', 'tyz')).rejects.toMatchObject({ code: 'not_found' });
    expect(() => engines.train({ from: 'vi', to: 'tyz', pairs: [] })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => engines.learned('vi', 'vi')).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => engines.learned('../x', 'tyz')).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    const file = engines.modelFile('vi', 'tyz');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'not a model');
    expect(() => readModel(file)).toThrow(expect.objectContaining({ code: 'unsupported_format' }));
    await expect(engines.learned('vi', 'tyz').translate([{ index: 0, text: 'tôi' }], 'vi', 'tyz')).rejects.toMatchObject({ code: 'unsupported_format' });
  });
});

describe('retraining as the memory grows', () => {
  it('retrains a trained pair once enough approved pairs are new, and only then', async () => {
    const temp = makeTempDir('studio-mt-retrain-');
    const jobs = new JobManager(() => undefined);
    // The memory as the translation service would report it: it grows as segments are approved.
    let memory = [...SMALL];
    const engines = createTranslationEngines({ jobs, modelDir: path.join(temp.dir, 'mt-models'), memoryPairs: () => memory });
    try {
      // No model yet: nothing to retrain (training the first time is the editor's choice).
      expect(engines.retrainIfDue('vi', 'tyz')).toBeNull();
      await jobs.result(engines.train({ from: 'vi', to: 'tyz', pairs: memory }));
      const grown = (n: number) => Array.from({ length: n }, (_, i) => ({ source: `tôi đi chợ ${i + 1} lần`, target: `khỏi pây hang ${i + 1} bận` }));
      memory = [...SMALL, ...grown(RETRAIN_AFTER - 1)];
      expect(engines.retrainIfDue('vi', 'tyz')).toBeNull();
      memory = [...SMALL, ...grown(RETRAIN_AFTER)];
      const job = engines.retrainIfDue('vi', 'tyz');
      expect(job).not.toBeNull();
      // While it runs, more approvals start no second job.
      expect(engines.retrainIfDue('vi', 'tyz')).toBeNull();
      const { header } = await jobs.result(job!);
      expect(header.pairCount).toBe(SMALL.length + RETRAIN_AFTER);
      expect(engines.modelInfo('vi', 'tyz')?.pairCount).toBe(SMALL.length + RETRAIN_AFTER);
      expect(engines.retrainIfDue('vi', 'tyz')).toBeNull();
    } finally {
      await jobs.close();
      temp.remove();
    }
  }, 120_000);
});
