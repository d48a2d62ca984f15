/**
 * The translation-pack install job: staging, unpacking and validation (the pack's own child loads
 * the model and translates a test sentence) off the main thread, with progress and cancel.
 */
import type { EnginePack } from '../../../../shared/translation/index.ts';
import { defineJobWorker } from '../../jobs/index.ts';
import { MtPackStore } from './mt-packs.ts';

export interface PackInstallInput {
  source: string;
  packsDir: string;
}

defineJobWorker<PackInstallInput, EnginePack>(async ({ source, packsDir }, job) => {
  const p = await new MtPackStore(packsDir).install(source, job);
  return { id: p.id, name: p.name, layout: p.layout, languages: p.languages, licence: p.licence, sizeBytes: p.sizeBytes, installedAt: p.installedAt };
});
