/** What a worker needs to open a voice (plain data, structured-cloneable), and how it opens it. */
import type { TtsEngine } from './engine.ts';
import { EspeakEngine } from './espeak-engine.ts';
import { PiperEngine } from './piper-engine.ts';
import { VitsEngine } from './vits-engine.ts';

export type VoiceRef =
  | { id: string; engine: 'espeak'; variant: string; fingerprint: string }
  | { id: string; engine: 'piper'; model: string; config: string; fingerprint: string }
  | { id: string; engine: 'vits'; dir: string; fingerprint: string };

export function openEngine(ref: VoiceRef): Promise<TtsEngine> {
  switch (ref.engine) {
    case 'espeak':
      return Promise.resolve(new EspeakEngine(ref.variant));
    case 'piper':
      return PiperEngine.load(ref.model, ref.config);
    case 'vits':
      return VitsEngine.load(ref.dir);
  }
}
