/** The built-in voice: espeak-ng (WebAssembly) speaking Vietnamese, Northern, Central or Southern. */
import type { EngineAudio, EngineSettings, TtsEngine } from './engine.ts';
import { espeakSynthesize } from './espeak.ts';

export const BUILTIN_VARIANTS = [
  { variant: 'vi', name: 'Northern (built-in)', englishName: 'Northern' },
  { variant: 'vi-vn-x-central', name: 'Central (built-in)', englishName: 'Central' },
  { variant: 'vi-vn-x-south', name: 'Southern (built-in)', englishName: 'Southern' },
] as const;

export const ESPEAK_SAMPLE_RATE = 22050;

export class EspeakEngine implements TtsEngine {
  readonly engine = 'espeak' as const;

  constructor(private readonly variant: string) {}

  async synthesize(sentence: string, settings: EngineSettings): Promise<EngineAudio> {
    const audio = await espeakSynthesize(sentence, this.variant, settings.speed);
    return { ...audio, missingPhonemes: [], inferenceMs: 0 };
  }

  async dispose(): Promise<void> {}
}
