import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defineJobWorker } from '../jobs/index.ts';

export interface HashAssetsInput {
  dataDir: string;
  assets: { id: number; file: string }[];
}

/** sha256 and size of each stored file; null for one that is missing or unreadable. */
export type HashAssetsOutput = { id: number; sha256: string | null; bytes: number }[];

defineJobWorker<HashAssetsInput, HashAssetsOutput>(async ({ dataDir, assets }, job) => {
  const sizes = assets.map(({ file }) => {
    try {
      return fs.statSync(path.join(dataDir, file)).size;
    } catch {
      return 0;
    }
  });
  const total = Math.max(1, sizes.reduce((a, b) => a + b, 0));
  let done = 0;
  const out: HashAssetsOutput = [];
  for (const [i, { id, file }] of assets.entries()) {
    job.checkCancelled();
    const hash = createHash('sha256');
    try {
      for await (const chunk of fs.createReadStream(path.join(dataDir, file), { highWaterMark: 1 << 20 })) {
        job.checkCancelled();
        hash.update(chunk as Buffer);
        done += (chunk as Buffer).length;
        job.progress(done / total, 'hashing');
      }
      out.push({ id, sha256: hash.digest('hex'), bytes: sizes[i]! });
    } catch (error) {
      if ((error as { code?: string }).code === 'cancelled') throw error;
      out.push({ id, sha256: null, bytes: 0 });
    }
  }
  return out;
});
