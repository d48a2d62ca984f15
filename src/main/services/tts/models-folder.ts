/**
 * Voices dropped into the repository's models/ folder (or STUDIO_MODELS_DIR) are listed without
 * installing: read from their config files only (cheap), loaded when first used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Voice } from '../../../shared/api/tts.ts';
import { findLicence, folderSize } from '../model-packs/index.ts';
import { detectLayout, type PackLayout } from './pack-layout.ts';
import { vitsLanguages, vitsWarnings } from './pack-metadata.ts';
import { readPiperConfig } from './piper-config.ts';
import type { VoiceRef } from './voice-ref.ts';

/**
 * STUDIO_MODELS_DIR (the Electron shell sets it: resources/models in a packaged app); else the
 * repository's models/ when running from sources or from the command's build in the repository
 * (.vite/cli, vite.cli.config.ts); else, bundled, the resources folder Electron gives.
 */
export const defaultModelsDir = (): string => {
  if (process.env.STUDIO_MODELS_DIR) return process.env.STUDIO_MODELS_DIR;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) return path.resolve(here, '../../../../../models');
  if (path.basename(path.dirname(here)) === 'cli' && path.basename(path.resolve(here, '../..')) === '.vite') return path.resolve(here, '../../../models');
  return path.join((process as { resourcesPath?: string }).resourcesPath ?? path.dirname(here), 'models');
};

function candidateLayouts(dir: string, depth: number): PackLayout[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: PackLayout[] = [];
  // Piper voices may sit side by side in one folder.
  for (const e of entries) {
    if (e.isFile() && e.name.endsWith('.onnx') && fs.existsSync(path.join(dir, `${e.name}.json`))) {
      found.push({ engine: 'piper', root: dir, model: path.join(dir, e.name), config: path.join(dir, `${e.name}.json`) });
    }
  }
  if (found.length === 0 && depth > 0) {
    try {
      const layout = detectLayout(dir);
      if (layout.engine === 'vits') return [layout];
    } catch {
      // not a voice folder: look inside
    }
  }
  if (depth < 2) {
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) found.push(...candidateLayouts(path.join(dir, e.name), depth + 1));
  }
  return found;
}

export interface FolderVoice {
  voice: Voice;
  ref: VoiceRef;
}

export function scanModelsFolder(dir = defaultModelsDir()): FolderVoice[] {
  const voices: FolderVoice[] = [];
  for (const layout of candidateLayouts(dir, 0)) {
    try {
      const rel = path.relative(dir, layout.engine === 'piper' ? layout.model : layout.root).replace(/\\/g, '/');
      const id = `models:${rel}`;
      const stat = fs.statSync(layout.model);
      const fingerprint = `${stat.size}-${stat.mtimeMs}`;
      if (layout.engine === 'piper') {
        const config = readPiperConfig(layout.config);
        voices.push({
          voice: {
            id, name: path.basename(layout.model, '.onnx'), engine: 'piper', languages: [config.language],
            sampleRate: config.sampleRate, speakers: config.speakers, licence: findLicence(layout.root, config.licence) || 'unknown',
            source: 'models', sizeBytes: stat.size + fs.statSync(layout.config).size, sha256: null, installedAt: null, warnings: [],
          },
          ref: { id, engine: 'piper', model: layout.model, config: layout.config, fingerprint },
        });
      } else {
        const config = JSON.parse(fs.readFileSync(layout.config, 'utf8')) as { sampling_rate?: number };
        voices.push({
          voice: {
            id, name: path.basename(layout.root), engine: 'vits', languages: vitsLanguages(layout.root, path.basename(layout.root)),
            sampleRate: config.sampling_rate ?? 16000, speakers: [], licence: findLicence(layout.root, '') || 'unknown',
            source: 'models', sizeBytes: folderSize(layout.root), sha256: null, installedAt: null, warnings: vitsWarnings(layout.root),
          },
          ref: { id, engine: 'vits', dir: layout.root, fingerprint },
        });
      }
    } catch {
      // A broken file in models/ is skipped; installing it as a pack gives the reason.
    }
  }
  return voices;
}
