import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../../shared/errors.ts';
import { checkPackageAudio } from './audio-check.ts';
import { copyHashing, type StreamOptions } from './hash-copy.ts';
import { audioFileOf, type PackageManifest } from './manifest.ts';
import { packageDirOf, readManifest, verifyPackage } from './verify-package.ts';

export interface StagedImport {
  packageDir: string;
  manifest: PackageManifest;
  /** Where the audio now lies, relative to the data directory. */
  assetFile: string;
  /** False when the library already held this very file (same sha256). */
  createdFile: boolean;
  sampleRate: number;
  channels: number;
  durationSec: number;
}

/**
 * The file half of an import, run in a job worker: verify the whole package, then copy its audio
 * into the data directory while hashing the copy, so a stick that changes between the check and the
 * copy cannot slip a different file in. The database half (commit-import.ts) runs afterwards in one
 * transaction; until then the copied file is only an unreferenced blob named by its checksum.
 */
export async function stageImport(picked: string, dataDir: string, options: StreamOptions = {}): Promise<StagedImport> {
  try {
    return await stage(picked, dataDir, options);
  } catch (error) {
    if (error instanceof StudioError) throw error;
    // A stick pulled out mid-read, a full disk: a reason the user can act on, not a Node error code.
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new StudioError('io_error', `reading or writing failed during the import: ${(error as Error).message}`, { reason: 'package_import_io_failed', cause: code, error: (error as Error).message });
  }
}

async function stage(picked: string, dataDir: string, options: StreamOptions): Promise<StagedImport> {
  // Progress counts bytes of work: verifying the package (`expected` bytes), then copying its audio.
  const expected = audioFileOf(readManifest(packageDirOf(picked))).bytes;
  const { dir, manifest } = await verifyPackage(picked, options);
  const audio = audioFileOf(manifest);
  const ext = path.extname(audio.path).toLowerCase();
  const assetFile = path.join('assets', `${audio.sha256}${ext}`);
  const target = path.join(dataDir, assetFile);
  let createdFile = false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target)) {
    const temp = path.join(path.dirname(target), `.package-${process.pid}-${Date.now()}.part`);
    try {
      const copied = await copyHashing(path.join(dir, audio.path), temp, {
        checkCancelled: options.checkCancelled,
        onBytes: (done) => options.onBytes?.(expected + done),
      });
      if (copied.sha256 !== audio.sha256) {
        throw new StudioError('package_rejected', `${audio.path} changed while it was being imported`, { reason: 'package_changed_during_import', file: audio.path });
      }
      fs.renameSync(temp, target);
      createdFile = true;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  let facts: Pick<StagedImport, 'sampleRate' | 'channels' | 'durationSec'>;
  try {
    facts = audioFacts(target, manifest);
  } catch (error) {
    if (createdFile) fs.rmSync(target, { force: true });
    throw error;
  }
  return { packageDir: dir, manifest, assetFile, createdFile, ...facts };
}

/** The audio must be WAV or MP3 the studio supports; its own header is the truth, not the manifest. */
function audioFacts(file: string, manifest: PackageManifest): Pick<StagedImport, 'sampleRate' | 'channels' | 'durationSec'> {
  return checkPackageAudio(file, manifest.audio.durationSec);
}
