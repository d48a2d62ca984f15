/**
 * A script, sentence by sentence, into one broadcast-ready signal: each sentence from the cache
 * or the engine, joined with sentence/paragraph/marker pauses, resampled to the output rate and
 * normalised to the loudness preset (audio-core modules, shared not copied).
 */
import { NORMALIZE_PRESETS, type LoudnessResult } from '../../../shared/api/audio.ts';
import type { MissingPhoneme, TtsSettings } from '../../../shared/api/tts.ts';
import { StudioError } from '../../../shared/errors.ts';
import { measureLoudness, normalizeChannels } from '../audio/index.ts';
import { trimSilence } from './trim-silence.ts';
import { OutputStage } from './output-stage.ts';
import { startOutputStage, type OutputSink } from './output-stage-thread.ts';
import { mergeMissing, missingList, type EngineSettings, type TtsEngine } from './engine.ts';
import { sentenceKey, type SentenceCache } from './sentence-cache.ts';
import { openEngine, type VoiceRef } from './voice-ref.ts';

export interface PlanSentence {
  spoken: string;
  paragraph: number;
  /** A pause marker right after this sentence, added to the usual gap (the reading service's contract). */
  pauseAfterMs?: number;
}

export interface ScriptPlan {
  sentences: PlanSentence[];
  leadingPauseMs?: number;
}

export interface SynthesisHooks {
  progress?(fraction: number, message: string): void;
  checkCancelled?(): void;
}

export interface SynthesisOutput {
  samples: Float32Array;
  sampleRate: number;
  sentences: number;
  cachedSentences: number;
  missingPhonemes: MissingPhoneme[];
  loudness: LoudnessResult;
  /** Time inside ONNX sessions, waiting for the output stage and normalising after the last sentence, and in the whole call. */
  inferenceMs: number;
  dspMs: number;
  totalMs: number;
}

/**
 * Normalises to the preset. Speech usually reaches the target loudness with a plain gain that
 * keeps its true peak under the ceiling; then the measurement already taken suffices (loudness and
 * true peak move by exactly the gain). Only when the peak would pass the ceiling does the
 * audio-core normaliser run its gain + true-peak limiter passes, which cost far more on long scripts.
 */
function toLoudnessPreset(samples: Float32Array, measured: LoudnessResult, settings: TtsSettings): { samples: Float32Array; loudness: LoudnessResult } {
  if (settings.loudness === 'none' || measured.integrated === null) return { samples, loudness: measured };
  const { target, ceiling } = NORMALIZE_PRESETS[settings.loudness];
  const gainDb = target - measured.integrated;
  if (measured.truePeak !== null && measured.truePeak + gainDb <= ceiling) {
    const gain = 10 ** (gainDb / 20);
    for (let i = 0; i < samples.length; i++) samples[i]! *= gain;
    return { samples, loudness: { integrated: target, range: measured.range, truePeak: measured.truePeak + gainDb } };
  }
  const [limited] = normalizeChannels([samples], settings.sampleRate, { target, ceiling });
  return { samples: limited!, loudness: measureLoudness([limited!], settings.sampleRate) };
}

/** Scripts this long get their output stage on its own thread; shorter ones are not worth starting one. */
const THREADED_FROM_SENTENCES = 8;

function openSink(fromRate: number, toRate: number, threaded: boolean): OutputSink {
  if (threaded) return startOutputStage(fromRate, toRate);
  const stage = new OutputStage(fromRate, toRate);
  return { push: (samples, pauseMs) => stage.push(samples, pauseMs), finish: async () => stage.finish(), abort: () => undefined };
}

export const engineSettings = (settings: TtsSettings): EngineSettings => ({
  speed: settings.speed,
  speaker: settings.speaker,
  noiseScale: settings.noiseScale,
  noiseW: settings.noiseW,
});

export async function synthesizeScript(
  plan: ScriptPlan,
  voice: VoiceRef,
  settings: TtsSettings,
  cache: SentenceCache,
  hooks: SynthesisHooks = {},
): Promise<SynthesisOutput> {
  const started = performance.now();
  const spoken = plan.sentences.filter((s) => s.spoken.trim());
  if (spoken.length === 0) throw new StudioError('invalid_argument', 'the script is empty', { reason: 'script_empty' });
  const perSentence = engineSettings(settings);
  let engine: TtsEngine | null = null;
  let engineRate = 0;
  let cachedSentences = 0;
  let inferenceMs = 0;
  const missing = new Map<string, number>();
  const threaded = plan.sentences.length >= THREADED_FROM_SENTENCES;
  let sink: OutputSink | null = null;
  /** Silence owed before the first sound (a leading marker, or sentences with nothing to say). */
  let pendingPauseMs = plan.leadingPauseMs ?? 0;
  let finished = false;
  try {
    for (let i = 0; i < plan.sentences.length; i++) {
      // espeak-ng synthesises synchronously: yield so a cancel message can arrive between sentences.
      await new Promise((resolve) => setImmediate(resolve));
      hooks.checkCancelled?.();
      const sentence = plan.sentences[i]!;
      const next = plan.sentences[i + 1];
      const gapMs = next === undefined ? 0 : next.paragraph !== sentence.paragraph ? settings.paragraphPauseMs : settings.sentencePauseMs;
      const pauseAfterMs = gapMs + (sentence.pauseAfterMs ?? 0);
      if (!sentence.spoken.trim()) {
        if (sink) sink.push(new Float32Array(0), pauseAfterMs);
        else pendingPauseMs += pauseAfterMs;
        continue;
      }
      const key = sentenceKey(voice, sentence.spoken, perSentence);
      let audio = cache.get(key);
      if (audio) {
        cachedSentences++;
      } else {
        // Opened on the first miss only: a fully cached script never loads the model.
        engine ??= await openEngine(voice);
        const result = await engine.synthesize(sentence.spoken, perSentence);
        inferenceMs += result.inferenceMs;
        mergeMissing(missing, result.missingPhonemes);
        audio = { samples: result.samples, sampleRate: result.sampleRate };
        cache.put(key, audio);
      }
      if (engineRate && audio.sampleRate !== engineRate) throw new StudioError('internal', 'the voice changed sample rate mid-script');
      engineRate = audio.sampleRate;
      if (!sink) {
        sink = openSink(engineRate, settings.sampleRate, threaded);
        if (pendingPauseMs) sink.push(new Float32Array(0), pendingPauseMs);
      }
      sink.push(trimSilence(audio.samples, audio.sampleRate), pauseAfterMs);
      hooks.progress?.((i + 1) / plan.sentences.length, `${i + 1}/${plan.sentences.length}`);
    }
    finished = true;
  } finally {
    await engine?.dispose();
    if (!finished) sink?.abort();
  }
  hooks.checkCancelled?.();
  const dspStarted = performance.now();
  // Resampling and metering happened as sentences arrived; what is left is the tail and the gain.
  const output = await sink!.finish();
  const { samples, loudness } = toLoudnessPreset(output.samples, output.loudness, settings);
  const dspMs = performance.now() - dspStarted;
  return {
    samples,
    sampleRate: settings.sampleRate,
    sentences: spoken.length,
    cachedSentences,
    missingPhonemes: missingList(missing),
    loudness,
    inferenceMs,
    dspMs,
    totalMs: performance.now() - started,
  };
}
