/** The one interface every voice engine implements; each runs in-process, none needs a network. */
import type { MissingPhoneme, VoiceEngine } from '../../../shared/api/tts.ts';

/** What changes the sound of one sentence (pauses between sentences are added later). */
export interface EngineSettings {
  speed: number;
  speaker?: number;
  noiseScale?: number;
  noiseW?: number;
}

export interface EngineAudio {
  samples: Float32Array;
  sampleRate: number;
  missingPhonemes: MissingPhoneme[];
  /** Time spent inside the ONNX session (0 for engines without one), for the benchmark. */
  inferenceMs: number;
}

export interface TtsEngine {
  readonly engine: VoiceEngine;
  synthesize(sentence: string, settings: EngineSettings): Promise<EngineAudio>;
  dispose(): Promise<void>;
}

export function mergeMissing(into: Map<string, number>, missing: MissingPhoneme[]): void {
  for (const { phoneme, count } of missing) into.set(phoneme, (into.get(phoneme) ?? 0) + count);
}

export const missingList = (missing: Map<string, number>): MissingPhoneme[] =>
  [...missing].map(([phoneme, count]) => ({ phoneme, count })).sort((a, b) => b.count - a.count);
