/**
 * Model packs: the machinery voice packs and translation-model packs share — bringing a folder or
 * a .zip in safely (limits, no links, no traversal), atomic install into a packs folder, and
 * reading a pack's files, licence and languages. The one public face of this module.
 */
export { stagePack, extractZip, copyFolder, safeEntryPath, DEFAULT_PACK_LIMITS, type PackLimits, type StageOptions } from './pack-source.ts';
export { folderSize, sha256File, readText, readJson } from './pack-files.ts';
export { modelCard, findLicence, type CardMetadata } from './pack-metadata.ts';
export { installStaged, packSlug, isStagingFolder, type StagedValidation, type InstallStagedOptions } from './install-staged.ts';
export { offlineTransformers, type Transformers } from './offline-transformers.ts';
