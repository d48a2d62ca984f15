/**
 * The library at the size of a busy centre's archive: 100,000 bulletins made from real
 * administrative text. Insert throughput, and search latency p50/p95 (goal p95 < 50 ms),
 * against a naive LIKE scan run on the same data in the same process.
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES, PRIORITIES } from '../src/shared/api/library-types.ts';
import { openStudio } from '../src/main/studio.ts';
import { foldForSearch } from '../src/main/services/library/fold.ts';
import { loadParagraphs, percentile, seededRandom } from './corpus.ts';

const COUNT = Number(process.env.BENCH_BULLETINS ?? 100_000);
const BATCH = 1000;

export default async function libraryBench() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-library-'));
  const studio = openStudio({ dataDir, transport: 'test' });
  const { library: { bulletins }, db } = studio.services;
  const paragraphs = loadParagraphs();
  const random = seededRandom(2024);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const makeScript = () => Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(paragraphs)).join('\n\n');
  const makeTitle = () => pick(paragraphs).split(/[.,;:]/)[0]!.slice(0, 90);

  try {
    // One bulletin per transaction, as the editor saves them (fsync each: synchronous=FULL).
    const singles = 500;
    let started = performance.now();
    for (let i = 0; i < singles; i++) {
      bulletins.create({ title: makeTitle(), script: makeScript(), category: pick(CATEGORIES), priority: pick(PRIORITIES) }, 'bench');
    }
    const singleRate = singles / ((performance.now() - started) / 1000);

    // The rest in batches, as an import of an archive would.
    started = performance.now();
    const batch = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) {
        bulletins.create({ title: makeTitle(), script: makeScript(), category: pick(CATEGORIES), priority: pick(PRIORITIES) }, 'bench');
      }
    });
    for (let done = singles; done < COUNT; done += BATCH) batch(Math.min(BATCH, COUNT - done));
    const batchRate = (COUNT - singles) / ((performance.now() - started) / 1000);
    const dbBytes = fs.statSync(path.join(dataDir, 'studio.sqlite')).size;

    // Queries a broadcast editor would type: common and rare words, without diacritics, with filters.
    const words = [...new Set(paragraphs.flatMap((p) => foldForSearch(p).split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 3))];
    const queries: { text: string; category?: (typeof CATEGORIES)[number] }[] = [];
    for (let i = 0; i < 100; i++) {
      const first = pick(words);
      queries.push(i % 3 === 0 ? { text: `${first} ${pick(words)}` } : i % 3 === 1 ? { text: first.slice(0, 4) } : { text: first, category: pick(CATEGORIES) });
    }
    queries.push({ text: 'thong tin co so' }, { text: 'thoi tiet' }, { text: 'ubnd' });

    const timings: number[] = [];
    for (const query of queries) {
      const t0 = performance.now();
      const response = await studio.dispatch('library.search', { ...query, limit: 50 }, { actor: 'bench' });
      timings.push(performance.now() - t0);
      if (!response.ok) throw new Error(response.error.message);
    }
    timings.sort((a, b) => a - b);

    // Reference: what a plain LIKE scan over the same rows costs (diacritic-sensitive, so it does less).
    const like = db.prepare('SELECT id FROM bulletins WHERE title LIKE ? OR script LIKE ? ORDER BY id DESC LIMIT 50');
    const likeTimings: number[] = [];
    for (const query of queries.slice(0, 20)) {
      const t0 = performance.now();
      like.all(`%${query.text}%`, `%${query.text}%`);
      likeTimings.push(performance.now() - t0);
    }
    likeTimings.sort((a, b) => a - b);

    const figures = {
      bulletins: COUNT,
      databaseMB: Math.round(dbBytes / 1e6),
      insertPerSecondOneTransactionEach: Math.round(singleRate),
      insertPerSecondBatched: Math.round(batchRate),
      searchQueries: queries.length,
      searchP50ms: +percentile(timings, 50).toFixed(2),
      searchP95ms: +percentile(timings, 95).toFixed(2),
      searchMaxMs: +timings.at(-1)!.toFixed(2),
      referenceLikeScanP50ms: +percentile(likeTimings, 50).toFixed(2),
      speedupP50VersusLikeScan: +(percentile(likeTimings, 50) / percentile(timings, 50)).toFixed(1),
      goalP95Below50ms: percentile(timings, 95) < 50,
    };
    console.table(figures);
    return figures;
  } finally {
    await studio.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
