/**
 * Installing a model pack, whatever it holds: stage it (copy or unzip, with limits, refusing links
 * and traversal), let the caller validate the staged copy (load it, run it), then move the
 * validated folder into `packsDir/<slug>` with one rename, so an installed pack is always whole.
 * Any failure removes the staging folder, so a refused pack leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JobTools } from '../jobs/index.ts';
import { stagePack, type PackLimits } from './pack-source.ts';

export interface StagedValidation {
  /** The folder holding the pack's files: the staging folder or its one top folder. */
  root: string;
  /** The name the installed folder is derived from. */
  name: string;
}

export interface InstallStagedOptions<V extends StagedValidation> {
  source: string;
  packsDir: string;
  /** `originalName` is the folder or zip name the user chose, without `.zip`. */
  validate: (stagedDir: string, originalName: string) => Promise<V>;
  job: Pick<JobTools, 'progress' | 'checkCancelled'>;
  limits?: Partial<PackLimits>;
}

export const packSlug = (name: string, fallback = 'pack'): string =>
  name.normalize('NFD').replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80) || fallback;

/** Returns the validation's result without its staging root, plus the installed folder's name. */
export async function installStaged<V extends StagedValidation>(
  options: InstallStagedOptions<V>,
): Promise<Omit<V, 'root'> & { folder: string }> {
  const { source, packsDir, validate, job } = options;
  fs.mkdirSync(packsDir, { recursive: true });
  const staging = path.join(packsDir, `staging-${randomUUID()}`);
  try {
    job.progress(0.1, 'copying');
    stagePack(source, staging, { checkCancelled: job.checkCancelled, limits: options.limits });
    job.checkCancelled();
    job.progress(0.4, 'validating');
    const originalName = path.basename(source).replace(/\.zip$/i, '');
    const info = await validate(staging, originalName);
    job.checkCancelled();
    const base = packSlug(info.name);
    let folder = base;
    for (let n = 2; fs.existsSync(path.join(packsDir, folder)); n++) folder = `${base}-${n}`;
    fs.renameSync(info.root, path.join(packsDir, folder));
    const { root: _root, ...rest } = info;
    return { ...rest, folder };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Folders under `packsDir` left by an install that was cut off (a crash mid-copy). */
export const isStagingFolder = (name: string): boolean => name.startsWith('staging-');
