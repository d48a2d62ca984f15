/**
 * Installs a voice pack (runs in the ONNX child) through the shared model-pack install: stage,
 * validate (load and speak), move into <voicesDir>/<slug>; a refused pack leaves nothing behind.
 */
import type { JobTools } from '../jobs/index.ts';
import { installStaged } from '../model-packs/index.ts';
import { validatePack, type PackInfo } from './pack-validate.ts';

export interface VoiceInstallInput {
  source: string;
  voicesDir: string;
}

export interface VoiceInstallOutput extends PackInfo {
  /** The installed folder's name under voicesDir. */
  folder: string;
}

export function installPack({ source, voicesDir }: VoiceInstallInput, job: Pick<JobTools, 'progress' | 'checkCancelled'>): Promise<VoiceInstallOutput> {
  return installStaged({ source, packsDir: voicesDir, validate: validatePack, job });
}
