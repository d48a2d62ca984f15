/**
 * Installs a voice pack (runs in the ONNX child): stage (copy or unzip, traversal-checked), validate
 * (load and speak), then rename into <voicesDir>/<slug>. Any failure removes the staging folder,
 * so a refused pack leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JobTools } from '../jobs/worker-runtime.ts';
import { stagePack } from './pack-source.ts';
import { validatePack, type PackInfo } from './pack-validate.ts';

export interface VoiceInstallInput {
  source: string;
  voicesDir: string;
}

export interface VoiceInstallOutput extends PackInfo {
  /** The installed folder's name under voicesDir. */
  folder: string;
}

const slug = (name: string) => name.normalize('NFD').replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80) || 'voice';

export async function installPack({ source, voicesDir }: VoiceInstallInput, job: Pick<JobTools, 'progress' | 'checkCancelled'>): Promise<VoiceInstallOutput> {
  fs.mkdirSync(voicesDir, { recursive: true });
  const staging = path.join(voicesDir, `staging-${randomUUID()}`);
  try {
    job.progress(0.1, 'copying');
    stagePack(source, staging, { checkCancelled: job.checkCancelled });
    job.checkCancelled();
    job.progress(0.4, 'validating');
    const originalName = path.basename(source).replace(/\.zip$/i, '');
    const info = await validatePack(staging, originalName);
    job.checkCancelled();
    let folder = slug(info.name);
    for (let n = 2; fs.existsSync(path.join(voicesDir, folder)); n++) folder = `${slug(info.name)}-${n}`;
    fs.renameSync(info.root, path.join(voicesDir, folder));
    const { root: _root, ...rest } = info;
    return { ...rest, folder };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
