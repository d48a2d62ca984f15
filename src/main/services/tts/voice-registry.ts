/** Every voice the studio can speak with — built-in, installed packs, models/ — by id. */
import path from 'node:path';
import type { Voice } from '../../../shared/api/tts.ts';
import { StudioError } from '../../../shared/errors.ts';
import { BUILTIN_VARIANTS, ESPEAK_SAMPLE_RATE } from './espeak-engine.ts';
import { scanModelsFolder } from './models-folder.ts';
import { packVoice, type VoicePackStore } from './voice-packs.ts';
import type { VoiceRef } from './voice-ref.ts';

/** Bumped with the espeak-ng package so cached built-in audio is not reused across versions. */
const ESPEAK_BUILD = 'echogarden-espeak-ng-emscripten-0.3.5';

/** The built-in voice always exists: the default wherever no voice is named (screen and CLI). */
export { DEFAULT_VOICE_ID } from '../../../shared/api/tts.ts';

const builtinVoices = (): Voice[] =>
  BUILTIN_VARIANTS.map((v) => ({
    id: `builtin:${v.variant}`,
    name: v.name,
    engine: 'espeak',
    languages: ['vi'],
    sampleRate: ESPEAK_SAMPLE_RATE,
    speakers: [],
    licence: 'GPL-3.0-or-later (espeak-ng)',
    source: 'builtin',
    sizeBytes: 0,
    sha256: null,
    installedAt: null,
    warnings: [],
  }));

export class VoiceRegistry {
  constructor(
    private readonly packs: VoicePackStore,
    private readonly dataDir: string,
    private readonly modelsDir?: string,
  ) {}

  list(): Voice[] {
    return [...builtinVoices(), ...this.packs.list().map(packVoice), ...scanModelsFolder(this.modelsDir).map((v) => v.voice)];
  }

  get(id: string): Voice {
    const voice = this.list().find((v) => v.id === id);
    if (!voice) throw new StudioError('not_found', `unknown voice ${id}`, { reason: 'voice_unknown', id });
    return voice;
  }

  resolve(id: string): VoiceRef {
    if (id.startsWith('builtin:')) {
      const variant = id.slice('builtin:'.length);
      if (!BUILTIN_VARIANTS.some((v) => v.variant === variant)) throw new StudioError('not_found', `unknown voice ${id}`, { reason: 'voice_unknown', id });
      return { id, engine: 'espeak', variant, fingerprint: ESPEAK_BUILD };
    }
    const pack = this.packs.find(id);
    if (pack) {
      const root = path.join(this.dataDir, pack.dir);
      return pack.engine === 'piper'
        ? { id, engine: 'piper', model: path.join(root, pack.modelFile), config: path.join(root, pack.configFile), fingerprint: pack.sha256 }
        : { id, engine: 'vits', dir: root, fingerprint: pack.sha256 };
    }
    const folder = scanModelsFolder(this.modelsDir).find((v) => v.voice.id === id);
    if (folder) return folder.ref;
    throw new StudioError('not_found', `unknown voice ${id}`, { reason: 'voice_unknown', id });
  }
}
