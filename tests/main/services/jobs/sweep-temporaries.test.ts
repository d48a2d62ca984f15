import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STALE_MS, sweepTemporaries } from '../../../../src/main/services/jobs/sweep-temporaries.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

/** Issue 8, item 11: `.part` files and staging folders were never swept after a crash. */
describe('item 11: start-up sweep of stale temporaries', () => {
  let temp: ReturnType<typeof makeTempDir> | null = null;
  afterEach(() => temp?.remove());

  function write(rel: string, bytes = 1000, ageMs = 0): string {
    const file = path.join(temp!.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(bytes));
    const at = new Date(Date.now() - ageMs);
    fs.utimesSync(file, at, at);
    return file;
  }

  it('removes stale .part files and staging folders whose writer is gone, and nothing else', async () => {
    temp = makeTempDir();
    const old = STALE_MS * 2;
    const deadPid = 999_999_999;
    const stale = [
      write(`assets/.import-${deadPid}-1700000000000.part`, 5000, old),
      write(`assets/.import-${deadPid}-1700000000000.wav`, 5000, old),
      write(`renders/.programme-1.wav.${deadPid}.1700000000000.part`, 3000, old),
      write(`peaks/abc.peaks.${deadPid}.part`, 100, old),
      write(`voices/staging-0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d/model.onnx`, 7000, old),
    ];
    const kept = [
      // A live writer: this test's own process (another studio on the same data, or a job).
      write(`assets/.import-${process.ppid}-1700000000000.part`, 10, old),
      // Touched within STALE_MS: a job may still be writing it.
      write(`assets/.import-${deadPid}-1700000000001.part`, 10, 1000),
      write(`voices/staging-11111111-2222-4333-8444-555555555555/model.onnx`, 10, 1000),
      // Not temporaries.
      write('assets/0123abcd.wav', 10, old),
      write('recordings/6a1b.wav', 10, old),
      write('studio.sqlite', 10, old),
    ];
    const crashedAt = new Date(Date.now() - old);
    fs.utimesSync(path.dirname(stale[4]!), crashedAt, crashedAt);
    const result = await sweepTemporaries(temp.dir);
    expect(result.removed.sort()).toEqual(stale.map((f) => (f.includes('staging-') ? path.dirname(f) : f)).sort());
    expect(result.bytes).toBe(5000 + 5000 + 3000 + 100 + 7000);
    for (const file of kept) expect(fs.existsSync(file)).toBe(true);
  });
});
