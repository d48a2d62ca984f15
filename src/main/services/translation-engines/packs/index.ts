/**
 * Neural translation packs (Marian, M2M100/NLLB, T5/MADLAD exports run by transformers.js in a
 * child process): install, validate, list and remove, and a pack behind the engine interface.
 * Reached through the translation-engines service's index.ts.
 */
export { MtPackStore, PACK_RECORD, TEST_SENTENCE, type InstalledMtPack, type MtPackRecord } from './mt-packs.ts';
export { PackRunner, type PackRunnerOptions } from './pack-runner.ts';
export { PackTranslationEngine } from './pack-engine.ts';
export { detectMtLayout, MT_LAYOUTS, type MtLayout, type MtDtype, type MtPackLayout } from './mt-pack-layout.ts';
export { readModelInfo, type MtModelInfo, type PackTranslation } from './pack-model.ts';
