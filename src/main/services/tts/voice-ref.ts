/** What a worker needs to open a voice (plain data, structured-cloneable), and how it opens it. */
import type { TtsEngine } from './engine.ts';

export type VoiceRef =
  | { id: string; engine: 'espeak'; variant: string; fingerprint: string }
  | { id: string; engine: 'piper'; model: string; config: string; fingerprint: string }
  | { id: string; engine: 'vits'; dir: string; fingerprint: string };

/** Engines are imported when needed: the built-in voice never loads onnxruntime or transformers.js. */
export async function openEngine(ref: VoiceRef): Promise<TtsEngine> {
  switch (ref.engine) {
    case 'espeak': {
      const { EspeakEngine } = await import('./espeak-engine.ts');
      return new EspeakEngine(ref.variant);
    }
    case 'piper': {
      const { PiperEngine } = await import('./piper-engine.ts');
      return PiperEngine.load(ref.model, ref.config);
    }
    case 'vits': {
      const { VitsEngine } = await import('./vits-engine.ts');
      return VitsEngine.load(ref.dir);
    }
  }
}
