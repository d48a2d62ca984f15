import { defineJobWorker } from '../../jobs/index.ts';
import { readManifest, packageDirOf } from './verify-package.ts';
import { stageImport, type StagedImport } from './stage-import.ts';

export interface ImportPackageInput {
  path: string;
  dataDir: string;
}

/** Verifies a package and copies its audio in, off the main thread; the database part follows in `finish`. */
defineJobWorker<ImportPackageInput, StagedImport>(async ({ path, dataDir }, job) => {
  // Stage codes, put into words by the screen (jobs locales, `stage.*`).
  job.progress(0, 'package_verify');
  // Twice the audio's size: every byte is hashed once to verify and once more as it is copied in.
  const work = 2 * Math.max(1, readManifest(packageDirOf(path)).files.reduce((sum, file) => sum + file.bytes, 0));
  return stageImport(path, dataDir, {
    checkCancelled: job.checkCancelled,
    onBytes: (done) => job.progress(done / work, done * 2 < work ? 'package_checksum' : 'package_copy_audio'),
  });
});
